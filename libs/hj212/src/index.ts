/**
 * HJ 212 (污染物在线监控（监测）系统数据传输标准) codec, pure: no I/O, only node:buffer. Framing of a TCP byte stream,
 * the HJ 212 CRC (not CRC-16/MODBUS), data segment and CP parsing for HJ/T 212-2005, HJ 212-2017 and HJ 212-2025,
 * split-packet reassembly, platform replies; strict and lenient modes. See README.md.
 */
export { hj212Crc, hj212CrcOf, modbusCrc, crcHex } from './crc';
export type { Hj212ErrorCode, Hj212Mode, Hj212Problem, Hj212Tolerance } from './errors';
export { DEFAULT_LENIENT_MAX_DATA_LENGTH, STANDARD_MAX_DATA_LENGTH } from './frame-scanner';
export type { RawFrame } from './frame-scanner';
export { FrameReader, readOneFrame } from './frame-reader';
export type { FrameReaderError, FrameReaderOptions, FrameReaderOutput, FrameReaderStats } from './frame-reader';
export { decodeFrame, parseDataSegment, toRecord } from './decode';
export type { Hj212Record, Hj212Result } from './decode';
export type { FactorField, FactorFields, Hj212Message, Hj212Standard } from './message';
export { DATA_FLAGS, isKnownCodeShape, isNormalDataFlag } from './codes';
export { dataTimeOf, formatHj212Time, formatQn, parseHj212Time, parseQn, readings, toNumber } from './values';
export type { Reading } from './values';
export { encodeFrame, encodeMessage, formatCp, formatDataSegment } from './encode';
export type { OutgoingHeader } from './encode';
export {
  dataAcknowledgement,
  executionResult,
  noticeAnswer,
  replyFor,
  replyKindFor,
  requestAnswer,
  setTimeRequest,
} from './reply';
export type { ReplyKind, ReplyTo, SetTimeRequest } from './reply';
export { SplitAssembler } from './reassembly';
export type { AssemblyResult, MergedMessage, SplitAssemblerOptions } from './reassembly';
