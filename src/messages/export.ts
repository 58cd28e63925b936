/** Messages of the segment export (`swb export`, `exportSegments`): notes on what was written. */

/** Message builders for exports. */
export const exportMessages = {
  /** The reason of a write that failed on a full disk (the write message adds the file's path). */
  diskFull: (folder: string) => `the disk is full (no space left on the disk that holds ${folder}); free space there`,
  /** CSV cells that a spreadsheet would run as a formula, per column, and what was done to them. */
  formulaCellsNeutralised: (file: string, perColumn: Readonly<Record<string, number>>) => {
    const total = Object.values(perColumn).reduce((a, n) => a + n, 0);
    const where = Object.entries(perColumn)
      .filter(([, n]) => n > 0)
      .map(([c, n]) => `${n} in ${c}`)
      .join(', ');
    return (
      `${total} text ${total === 1 ? 'cell' : 'cells'} of ${file} began with =, +, -, @, a tab or a carriage return (${where}), which a spreadsheet ` +
      `would run as a formula; ${total === 1 ? 'it was' : 'they were'} written with a leading ' so that Excel, LibreOffice and Google Sheets show the text. ` +
      'Strip that quote before matching ids in another system, or export Parquet, which keeps values exact.'
    );
  },
} as const;
