/**
 * The one error type the library throws for problems a user can fix.
 * `code` is stable and machine-readable; `message` says what went wrong and what to do.
 */

/** Machine-readable error codes. */
export type WorkbenchErrorCode =
  | 'FILE_NOT_FOUND'
  | 'EMPTY_FILE'
  | 'HEADER_ONLY'
  | 'UNSUPPORTED_FORMAT'
  | 'ENCODING'
  | 'MALFORMED_FILE'
  | 'MISSING_FIELD'
  | 'UNKNOWN_COLUMN'
  | 'UNKNOWN_PRESET'
  | 'BAD_DATES'
  | 'BAD_OPTION'
  | 'NO_DATA'
  | 'CLOSED'
  | 'QUERY_FAILED'
  | 'SEGMENT_MAP'
  | 'TOO_FEW_POINTS'
  | 'WRITE_FAILED'
  | 'OUT_OF_MEMORY'
  | 'NOT_A_REPORT'
  | 'REPORT_VERSION';

/** An error with a stable `code` and a message that names the input and says what to fix. */
export class WorkbenchError extends Error {
  /** Stable machine-readable code. */
  readonly code: WorkbenchErrorCode;
  /** Optional structured details (file, row, column, examples…). */
  readonly details: Record<string, unknown>;

  constructor(code: WorkbenchErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'WorkbenchError';
    this.code = code;
    this.details = details;
  }
}

/** True when `e` is a {@link WorkbenchError} (optionally with the given code). */
export function isWorkbenchError(e: unknown, code?: WorkbenchErrorCode): e is WorkbenchError {
  return e instanceof WorkbenchError && (code === undefined || e.code === code);
}
