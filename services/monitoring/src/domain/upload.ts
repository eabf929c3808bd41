import { parseHj212Time, type Hj212Message } from '@qingyuan/hj212';

/** The data an upload carries, by its command number (HJ 212-2017 §9). */
export type DataKind = 'realtime' | 'minute' | 'hour' | 'day' | 'run-state';

export const DATA_KIND_OF_CN: Readonly<Record<string, DataKind>> = {
  '2011': 'realtime',
  '2051': 'minute',
  '2061': 'hour',
  '2031': 'day',
  '2021': 'run-state',
};

/** One data upload of a device, ready to store and judge. Split parts are uploads of their own (each is self-contained). */
export interface Upload {
  mn: string;
  cn: string;
  kind: DataKind;
  dataTime: Date;
  /** PNO of a split message, 0 otherwise: parts are stored side by side under the same MN + CN + DataTime */
  part: number;
  receivedAt: number;
  values: Record<string, Record<string, string>>;
}

export type UploadOrSkip = { upload: Upload } | { skip: 'not-data' | 'no-data-time' };

/** An upload from a decoded message: data commands only, with a DataTime (CST). */
export function uploadOf(message: Hj212Message, receivedAt: number): UploadOrSkip {
  const kind = DATA_KIND_OF_CN[message.cn];
  if (!kind || !message.mn) return { skip: 'not-data' };
  const dataTime = message.cp.DataTime ? parseHj212Time(message.cp.DataTime) : undefined;
  if (!dataTime) return { skip: 'no-data-time' };
  return { upload: { mn: message.mn, cn: message.cn, kind, dataTime, part: message.hasPacketNo ? (message.pno ?? 0) : 0, receivedAt, values: message.values } };
}
