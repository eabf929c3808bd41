/** The decoded data segment of one HJ 212 frame. Values stay decimal strings, as sent; see `values.ts` for numbers. */
import type { Hj212Tolerance } from './errors';

export type Hj212Standard = '2005' | '2017' | '2025';

/** Per-factor sub-fields of HJ 212 (2017 table 4 and 2005 extras); devices may send others, kept as strings. */
export type FactorField =
  | 'Rtd'
  | 'Min'
  | 'Avg'
  | 'Max'
  | 'Cou'
  | 'Flag'
  | 'EFlag'
  | 'ZsRtd'
  | 'ZsMin'
  | 'ZsAvg'
  | 'ZsMax'
  | 'SampleTime'
  | 'RS'
  | 'RT'
  | 'Data'
  | 'DayData'
  | 'NightData'
  | 'Info'
  | 'SN'
  | 'Ala'
  | 'UpValue'
  | 'LowValue';

export type FactorFields = Partial<Record<FactorField, string>> & Record<string, string>;

export interface Hj212Message {
  standard: Hj212Standard;
  /** Flag >> 2 (0 when Flag is absent). */
  protocolVersionBits: number;
  qn?: string;
  st: string;
  cn: string;
  pw?: string;
  mn?: string;
  flag?: number;
  /** Flag bit A: the receiver must answer (9014 / 9011 / 9013). */
  ackRequired: boolean;
  /** PNUM and PNO are present (part of a split message). */
  hasPacketNo: boolean;
  pnum?: number;
  pno?: number;
  /** CP keys without a '-' (DataTime, PolId, QnRtn, SystemTime, …). */
  cp: Record<string, string>;
  /** Factor or device code → field → value (`w01018-Rtd=27.4` → values.w01018.Rtd = "27.4"). */
  values: Record<string, FactorFields>;
  /** Header fields that are not part of the standard header (e.g. a 2025 `RF`), kept raw. */
  otherFields?: Record<string, string>;
  /** CP keys as sent when they carried spaces (trimmed in cp/values). */
  rawKeys?: string[];
  /** Codes in `values` that are not shaped like a 2005/2017 factor, device or information code. */
  unknownCodes?: string[];
  /** Vendor dialects accepted in lenient mode (empty for a conforming frame). */
  tolerated: Hj212Tolerance[];
  /** CRC as present in the frame, and the declared length. */
  crc: string;
  length: number;
  /** The data segment text. */
  dataSegment: string;
}
