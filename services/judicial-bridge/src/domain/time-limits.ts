import { shanghaiDate, type WorkingCalendar } from '@qingyuan/calendar';
import type { AgencyKind, JudicialEvent, TransferKind } from '@qingyuan/contracts';

/**
 * The legal time limits of a transfer (行刑衔接), each a durable timer: it opens with the event that starts it and
 * closes with the answer. Defaults are the [C] numbers of regulations §4 (2020 规定, 2017 办法, SPP 2001, the 2015
 * detention measures); the table is versioned configuration, because provinces and later SPP rules may differ.
 */
export type TimeUnit = 'hours' | 'days' | 'working-days';
export type Party = 'bureau' | AgencyKind;

export interface TimeLimit {
  party: Party;
  amount: number;
  unit: TimeUnit;
  basis: string;
  zh: string;
  en: string;
}

export const STEPS = [
  'approval',
  'send',
  'send-detention',
  'supplement',
  'filing',
  'filing-verification',
  'filing-major',
  'detention-decision',
  'reconsideration-request',
  'reconsideration-decision',
  'supervision-proposal',
  'filing-after-order',
] as const;
export type Step = (typeof STEPS)[number];

export const DEFAULT_TIME_LIMITS: Record<Step, TimeLimit> = {
  approval: { party: 'bureau', amount: 3, unit: 'days', basis: '《行政执法机关移送涉嫌犯罪案件的规定》第五条', zh: '负责人审批移送报告', en: 'The head decides on the transfer report' },
  send: { party: 'bureau', amount: 24, unit: 'hours', basis: '《规定》第五条；《工作办法》第六条', zh: '批准后向公安机关移送', en: 'Send to the police after approval' },
  'send-detention': { party: 'bureau', amount: 3, unit: 'working-days', basis: '《行政主管部门移送适用行政拘留环境违法案件暂行办法》', zh: '决定移送后送达案卷材料', en: 'Send the files after deciding to transfer' },
  supplement: { party: 'bureau', amount: 3, unit: 'days', basis: '《工作办法》第八条', zh: '补充移送材料', en: 'Supplement the materials' },
  filing: { party: 'police', amount: 3, unit: 'days', basis: '《工作办法》第九条', zh: '公安机关作出是否立案决定', en: 'The police decide whether to file' },
  'filing-verification': { party: 'police', amount: 7, unit: 'days', basis: '《工作办法》第九条（需要核查）', zh: '公安机关核查后作出是否立案决定', en: 'The police decide after verification' },
  'filing-major': { party: 'police', amount: 30, unit: 'days', basis: '《工作办法》第九条（重大疑难复杂）', zh: '重大疑难复杂案件的立案决定', en: 'Filing decision in a major, complex case' },
  'detention-decision': { party: 'police', amount: 5, unit: 'working-days', basis: '《暂行办法》', zh: '公安机关作出是否行政拘留决定', en: 'The police decide on detention' },
  'reconsideration-request': { party: 'bureau', amount: 3, unit: 'working-days', basis: '《工作办法》第十一条', zh: '对不予立案提请复议', en: 'Ask the police to reconsider not filing' },
  'reconsideration-decision': { party: 'police', amount: 3, unit: 'working-days', basis: '《工作办法》第十一条', zh: '公安机关作出复议决定', en: 'The police decide the reconsideration' },
  'supervision-proposal': { party: 'bureau', amount: 3, unit: 'days', basis: '《规定》第九条', zh: '建议检察院立案监督', en: 'Propose procuratorate supervision' },
  'filing-after-order': { party: 'police', amount: 15, unit: 'days', basis: '《人民检察院办理行政执法机关移送涉嫌犯罪案件的规定》', zh: '检察院通知立案后公安机关立案', en: 'The police file after the procuratorate’s notice' },
};

/**
 * When a limit falls due. Hours run from the instant. Days run from the next day, as procedural periods do (the day
 * that starts the period is not counted), and end at the end of the last day, Beijing time; working days skip
 * weekends and the holidays of the working calendar.
 */
export function dueAt(start: Date, limit: Pick<TimeLimit, 'amount' | 'unit'>, calendar: WorkingCalendar): Date {
  if (limit.unit === 'hours') return new Date(start.getTime() + limit.amount * 3_600_000);
  const day = shanghaiDate(start);
  const last = limit.unit === 'days' ? calendar.addCalendarDays(day, limit.amount) : calendar.addWorkingDays(day, limit.amount);
  return new Date(`${last}T23:59:59.999+08:00`);
}

/** A warning once two thirds of the period have gone, so the party still has a third of it to act. */
export function warnAt(start: Date, due: Date): Date {
  return new Date(start.getTime() + ((due.getTime() - start.getTime()) * 2) / 3);
}

type Problem = { field: string; zh: string; en: string };

/** A replacement table is refused whole when a step is missing or a limit is not a positive whole amount. */
export function timeLimitProblems(table: unknown): Problem[] {
  if (typeof table !== 'object' || table === null || Array.isArray(table)) return [{ field: 'rules', zh: '须为各环节的时限表', en: 'must be a table of limits by step' }];
  const problems: Problem[] = [];
  for (const step of STEPS) {
    const limit = (table as Record<string, Partial<TimeLimit> | undefined>)[step];
    if (!limit || !Number.isInteger(limit.amount) || (limit.amount as number) < 1 || (limit.amount as number) > 365) {
      problems.push({ field: `rules.${step}.amount`, zh: '须为 1 到 365 的整数', en: 'must be a whole number from 1 to 365' });
    }
    if (!limit || !['hours', 'days', 'working-days'].includes(limit.unit as string)) problems.push({ field: `rules.${step}.unit`, zh: '须为 hours、days 或 working-days', en: 'must be hours, days or working-days' });
    if (!limit || !['bureau', 'police', 'procuratorate', 'court'].includes(limit.party as string)) problems.push({ field: `rules.${step}.party`, zh: '须为 bureau、police、procuratorate 或 court', en: 'must be bureau, police, procuratorate or court' });
  }
  for (const key of Object.keys(table)) if (!(STEPS as readonly string[]).includes(key)) problems.push({ field: `rules.${key}`, zh: '未知的环节', en: 'unknown step' });
  return problems;
}

/**
 * Which limit an event starts. A change of status closes every open limit of the transfer first; an extension of the
 * police review replaces the 3-day limit by the 7- or 30-day one, counted from the same receipt.
 */
export function limitStartedBy(event: JudicialEvent, kind: TransferKind): Step | undefined {
  switch (event.type) {
    case 'TransferSubmitted':
      return 'approval';
    case 'TransferApprovalDecided':
      return event.data.approved ? (kind === 'detention' ? 'send-detention' : 'send') : undefined;
    case 'TransferReceived':
    case 'MaterialsSupplemented':
      return kind === 'detention' ? 'detention-decision' : 'filing';
    case 'MaterialsRequested':
      return 'supplement';
    case 'FilingReviewExtended':
      return event.data.reason === 'major' ? 'filing-major' : 'filing-verification';
    case 'FilingDecided':
      return event.data.filed ? undefined : 'reconsideration-request';
    case 'ReconsiderationRequested':
      return 'reconsideration-decision';
    case 'ReconsiderationDecided':
      return event.data.filed ? undefined : 'supervision-proposal';
    case 'SupervisionDecided':
      return event.data.orderedFiling ? 'filing-after-order' : undefined;
    default:
      return undefined;
  }
}
