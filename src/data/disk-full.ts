/**
 * Recognises a full disk in DuckDB's error text (`IO Error: Could not write file "/tmp/x": No space left on
 * device`), so loaders and exports can say "the disk is full" and where instead of passing DuckDB's words on.
 */

/** What a full-disk error says: the file DuckDB could not write, when it names one. Undefined when the disk is not full. */
export function diskFull(text: string): { written?: string } | undefined {
  if (!/No space left on device|Disk quota exceeded/i.test(text)) return undefined;
  const written = /Could not (?:write|truncate|create|extend)[^"]*"((?:[^"]|"")*)"/i.exec(text)?.[1];
  return written ? { written: written.replace(/""/g, '"') } : {};
}
