/**
 * Split messages (Flag D=1, PNUM/PNO): each part is a whole frame with its own QN and a self-contained CP that repeats
 * DataTime. Parts are grouped by (MN, CN, DataTime, PNUM) and merged once PNO 1..PNUM are all present. Bounded: at
 * most `maxGroups` open groups (the oldest is dropped), each expiring after `timeoutMs`.
 */
import type { FactorFields, Hj212Message } from './message';

export interface SplitAssemblerOptions {
  timeoutMs?: number;
  maxGroups?: number;
}

export interface MergedMessage extends Hj212Message {
  /** QNs of the parts, in PNO order (each part is acknowledged on its own). */
  partQns: (string | undefined)[];
}

export type AssemblyResult =
  | { status: 'single'; message: Hj212Message }
  | { status: 'pending'; received: number; pnum: number }
  | { status: 'duplicate'; received: number; pnum: number }
  | { status: 'complete'; message: MergedMessage };

interface Group {
  parts: (Hj212Message | undefined)[];
  received: number;
  openedAt: number;
}

export class SplitAssembler {
  private readonly groups = new Map<string, Group>();
  private readonly timeoutMs: number;
  private readonly maxGroups: number;

  constructor(options: SplitAssemblerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10 * 60_000;
    this.maxGroups = options.maxGroups ?? 10_000;
  }

  get openGroups(): number {
    return this.groups.size;
  }

  add(message: Hj212Message, nowMs: number = Date.now()): AssemblyResult {
    const { pnum, pno } = message;
    if (pnum === undefined || pno === undefined || pnum === 1) return { status: 'single', message };
    this.expire(nowMs);
    const key = [message.mn ?? '', message.cn, message.cp.DataTime ?? '', pnum].join('\u0000');
    let group = this.groups.get(key);
    if (!group) {
      if (this.groups.size >= this.maxGroups) this.groups.delete(this.groups.keys().next().value as string);
      group = { parts: new Array<Hj212Message | undefined>(pnum).fill(undefined), received: 0, openedAt: nowMs };
      this.groups.set(key, group);
    }
    if (group.parts[pno - 1] !== undefined) return { status: 'duplicate', received: group.received, pnum };
    group.parts[pno - 1] = message;
    group.received++;
    if (group.received < pnum) return { status: 'pending', received: group.received, pnum };
    this.groups.delete(key);
    return { status: 'complete', message: merge(group.parts as Hj212Message[]) };
  }

  /** Drops groups older than the timeout; returns how many were dropped. */
  expire(nowMs: number = Date.now()): number {
    let dropped = 0;
    for (const [key, group] of this.groups) {
      if (nowMs - group.openedAt < this.timeoutMs) break; // insertion order = age order
      this.groups.delete(key);
      dropped++;
    }
    return dropped;
  }
}

function merge(parts: Hj212Message[]): MergedMessage {
  const first = parts[0];
  const cp: Record<string, string> = Object.create(null);
  const values: Record<string, FactorFields> = Object.create(null);
  const tolerated = new Set(first.tolerated);
  for (const part of parts) {
    Object.assign(cp, part.cp);
    for (const code of Object.keys(part.values)) values[code] = Object.assign(values[code] ?? Object.create(null), part.values[code]);
    for (const tolerance of part.tolerated) tolerated.add(tolerance);
  }
  const merged: MergedMessage = {
    ...first,
    hasPacketNo: false,
    cp,
    values,
    tolerated: [...tolerated],
    partQns: parts.map((part) => part.qn),
    dataSegment: parts.map((part) => part.dataSegment).join('\n'),
  };
  delete merged.pnum;
  delete merged.pno;
  const unknown = parts.flatMap((part) => part.unknownCodes ?? []);
  if (unknown.length > 0) merged.unknownCodes = [...new Set(unknown)];
  return merged;
}
