/** Resolves which source column feeds which field: explicit mapping > preset > recognised headers. */
import { WorkbenchError } from '../errors.js';
import { messages } from '../messages.js';
import { FIELD_COLUMNS, MAPPING_KEYS, recogniseColumns, type ColumnMapping } from './fields.js';
import type { ColumnUse } from './load-report.js';
import { PRESETS, PRESET_NAMES, type Preset } from './presets.js';

/** Look up a preset by name, or throw naming the known ones. */
export function resolvePreset(name: string | undefined): Preset | undefined {
  if (name === undefined) return undefined;
  const preset = PRESETS[name];
  if (!preset) throw new WorkbenchError('UNKNOWN_PRESET', messages.unknownPreset(name, PRESET_NAMES), { preset: name });
  return preset;
}

/** The mapping to use, the column uses to report, and warnings. Throws when a required field has no column. */
export function resolveMapping(
  columns: readonly string[], path: string, explicit: ColumnMapping | undefined, preset: Preset | undefined,
): { mapping: ColumnMapping; used: ColumnUse[]; warnings: string[] } {
  for (const [key, column] of Object.entries(explicit ?? {})) {
    if (!MAPPING_KEYS.includes(key as keyof ColumnMapping)) {
      throw new WorkbenchError('BAD_OPTION', messages.unknownMappingKey(key, MAPPING_KEYS), { key });
    }
    if (typeof column !== 'string' || !columns.includes(column)) {
      throw new WorkbenchError('UNKNOWN_COLUMN', messages.unknownColumn(key, String(column), path, columns), { file: path, column });
    }
  }
  const base: ColumnMapping = preset ? { ...preset.mapping } : recogniseColumns(columns);
  // A preset's optional columns may be missing from a trimmed export: drop those, keep required ones to fail clearly.
  for (const key of MAPPING_KEYS) {
    const col = base[key];
    if (col !== undefined && !columns.includes(col) && !isRequired(key)) delete base[key];
  }
  const mapping: ColumnMapping = { ...base, ...explicit };
  for (const key of ['customerId', 'orderDate'] as const) {
    const col = mapping[key];
    if (col === undefined) {
      throw new WorkbenchError('MISSING_FIELD', messages.missingField(FIELD_COLUMNS[key], path, columns, messages.missingHint(FIELD_COLUMNS[key])), { file: path, field: FIELD_COLUMNS[key], columns });
    }
    if (!columns.includes(col)) {
      throw new WorkbenchError('UNKNOWN_COLUMN', messages.unknownColumn(key, col, path, columns), { file: path, column: col });
    }
  }
  if (mapping.amount === undefined && (mapping.quantity === undefined || mapping.unitPrice === undefined)) {
    throw new WorkbenchError('MISSING_FIELD', messages.missingField('amount', path, columns, messages.missingHint('amount')), { file: path, field: 'amount', columns });
  }
  const used: ColumnUse[] = MAPPING_KEYS.filter((k) => mapping[k] !== undefined).map((k) => ({ field: FIELD_COLUMNS[k], source: mapping[k] as string }));
  if (mapping.amount === undefined) used.push({ field: 'amount', source: `${mapping.quantity} × ${mapping.unitPrice}` });
  const usedCols = new Set(Object.values(mapping));
  const ignored = columns.filter((c) => !usedCols.has(c) && !c.startsWith('_'));
  return { mapping, used, warnings: ignored.length ? [messages.warnIgnoredColumns(ignored)] : [] };
}

function isRequired(key: keyof ColumnMapping): boolean {
  return key === 'customerId' || key === 'orderDate';
}
