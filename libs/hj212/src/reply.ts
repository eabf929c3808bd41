/**
 * Platform replies: 9014 data acknowledgement (echoes QN, ST=91), 9011 request answer, 9012 execution result,
 * 9013 notice answer, and the 1012 time-set request. A 2005 device is answered in 2005 shape (QN inside CP, no Flag).
 */
import { type OutgoingHeader, formatDataSegment } from './encode';
import type { Hj212Message, Hj212Standard } from './message';
import { formatHj212Time } from './values';

export type ReplyTo = Pick<Hj212Message, 'standard' | 'qn' | 'cn' | 'pw' | 'mn' | 'pnum' | 'pno'>;

/** Flag >> 2 of a standard (a comparison: keys like '2017' would be array indexes, slow to look up). */
function versionBits(standard: Hj212Standard): number {
  return standard === '2005' ? 0 : standard === '2017' ? 1 : 2;
}

/** Flag of a reply: the sender's version, no ack, not split (4 for 2017, 8 for 2025). */
function replyFlag(standard: Hj212Standard): number {
  return versionBits(standard) << 2;
}

function header2017(to: ReplyTo, cn: string): OutgoingHeader {
  return { qn: to.qn, st: '91', cn, pw: to.pw, mn: to.mn, flag: replyFlag(to.standard) };
}

/** 9014 data acknowledgement, for an upload whose Flag has A=1. */
export function dataAcknowledgement(to: ReplyTo): string {
  if (to.standard === '2005') {
    const items = [to.qn !== undefined ? `QN=${to.qn}` : undefined, `CN=${to.cn}`];
    if (to.pno !== undefined && to.pnum !== undefined) items.push(`PNO=${to.pno}`, `PNUM=${to.pnum}`);
    return formatDataSegment({ st: '91', cn: '9014' }, items.filter((item) => item !== undefined).join(';'));
  }
  return formatDataSegment(header2017(to, '9014'), '');
}

/** 9011 request answer (QnRtn: 1 ready, 2 rejected, 3 PW wrong, 4 MN, 5 ST, 6 Flag, 7 QN, 8 CN, 9 CRC, 100 unknown). */
export function requestAnswer(to: ReplyTo, qnRtn = 1, flag2005 = 0): string {
  if (to.standard === '2005') {
    const area = `${to.qn !== undefined ? `QN=${to.qn};` : ''}QnRtn=${qnRtn}`;
    return formatDataSegment({ st: '91', cn: '9011', pw: to.pw, mn: to.mn, flag: flag2005 }, area);
  }
  return formatDataSegment(header2017(to, '9011'), `QnRtn=${qnRtn}`);
}

/** 9012 execution result (ExeRtn: 1 success, 2 failed, 3 condition error, 4 timeout, 5 busy, 6 fault, 100 no data). */
export function executionResult(to: ReplyTo, exeRtn = 1): string {
  if (to.standard === '2005') {
    const area = `${to.qn !== undefined ? `QN=${to.qn};` : ''}ExeRtn=${exeRtn}`;
    return formatDataSegment({ st: '91', cn: '9012', pw: to.pw, mn: to.mn }, area);
  }
  return formatDataSegment(header2017(to, '9012'), `ExeRtn=${exeRtn}`);
}

/** 9013 notice answer (empty CP in 2017; QN inside CP in 2005). */
export function noticeAnswer(to: ReplyTo): string {
  if (to.standard === '2005') {
    return formatDataSegment({ st: '91', cn: '9013', pw: to.pw, mn: to.mn }, to.qn !== undefined ? `QN=${to.qn}` : '');
  }
  return formatDataSegment(header2017(to, '9013'), '');
}

export interface SetTimeRequest {
  qn: string;
  st: string;
  pw: string;
  mn: string;
  time: Date | string;
  polId?: string;
  standard?: Hj212Standard;
}

/** 1012 set device time, a platform request asking for an answer (Flag A=1; no Flag for a 2005 device). */
export function setTimeRequest(request: SetTimeRequest): string {
  const standard = request.standard ?? '2017';
  const time = typeof request.time === 'string' ? request.time : formatHj212Time(request.time);
  const area = `${request.polId !== undefined ? `PolId=${request.polId};` : ''}SystemTime=${time}`;
  const flag = standard === '2005' ? undefined : (versionBits(standard) << 2) | 1;
  return formatDataSegment({ qn: request.qn, st: request.st, cn: '1012', pw: request.pw, mn: request.mn, flag }, area);
}

/** Commands a device only receives (requests): a frame carrying one of them is answered with 9011. */
const REQUESTS = new Set(['1000', '1012', '1062', '1064', '1072', '3011', '3012', '3013', '3014', '3016', '3021']);
/** Notices, answered with 9013. */
const NOTICES = new Set(['1013', '2012', '2022', '2072']);

export type ReplyKind = '9011' | '9013' | '9014';

/** Which answer a frame with A=1 gets; undefined when no answer is due (A=0, or an answer itself). */
export function replyKindFor(message: Pick<Hj212Message, 'cn' | 'ackRequired'>): ReplyKind | undefined {
  if (!message.ackRequired || message.cn.startsWith('9')) return undefined;
  if (NOTICES.has(message.cn)) return '9013';
  if (REQUESTS.has(message.cn)) return '9011';
  return '9014';
}

/** The data segment of the answer a frame asks for (uploads → 9014, requests → 9011 QnRtn=1, notices → 9013). */
export function replyFor(message: ReplyTo & Pick<Hj212Message, 'ackRequired'>): string | undefined {
  switch (replyKindFor(message)) {
    case '9014':
      return dataAcknowledgement(message);
    case '9011':
      return requestAnswer(message, 1);
    case '9013':
      return noticeAnswer(message);
    case undefined:
      return undefined;
  }
}
