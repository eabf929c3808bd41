/** What the codec reports: error codes (as in hj212-vectors.md) and the vendor dialects lenient mode tolerated. */

export type Hj212Mode = 'strict' | 'lenient';

export type Hj212ErrorCode =
  | 'NO_HEADER'
  | 'BAD_LENGTH_FIELD'
  | 'OVERSIZE'
  | 'INCOMPLETE'
  | 'LENGTH_MISMATCH'
  | 'MISSING_TAIL'
  | 'BAD_CRC'
  | 'BAD_CRC_CASE'
  | 'BAD_FIELD'
  | 'BAD_CP'
  | 'ILLEGAL_CHAR'
  | 'MISSING_PNUM_PNO'
  | 'BAD_PNO';

/** A deviation from the standard that lenient mode accepted (recorded on the message). */
export type Hj212Tolerance =
  | 'LOWERCASE_CRC'
  | 'MISSING_TAIL'
  | 'LF_ONLY_TAIL'
  | 'LENGTH_COUNTS_CHARACTERS'
  | 'OVERSIZE'
  | 'MISSING_SEMICOLON_BEFORE_CP'
  | 'COMMA_IN_HEADER'
  | 'QN_14_DIGITS'
  | 'MISSING_QN'
  | 'MISSING_PW'
  | 'MISSING_MN'
  | 'VENDOR_ST'
  | 'VENDOR_CN'
  | 'VENDOR_PW'
  | 'VENDOR_MN'
  | 'UNKNOWN_VERSION'
  | 'D_WITHOUT_PNUM_PNO'
  | 'SPACES_IN_CP';

export interface Hj212Problem {
  error: Hj212ErrorCode;
  /** English, for logs and the CLI; never contains more than the offending field name. */
  message: string;
  /** Extra hint, e.g. "CRC equals CRC-16/MODBUS (9549)". */
  diagnostic?: string;
}

export function problem(error: Hj212ErrorCode, message: string, diagnostic?: string): Hj212Problem {
  return diagnostic === undefined ? { error, message } : { error, message, diagnostic };
}
