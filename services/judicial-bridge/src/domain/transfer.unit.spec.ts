import fc from 'fast-check';
import { TRANSFER_STATUSES, type AgencyRef, type JudicialEvent, type JudicialOutcome, type TransferDrafted, type TransferKind, type TransferStatus } from '@qingyuan/contracts';
import { DomainError, deciderSpec } from '@qingyuan/domain';
import { DEFAULT_REQUIRED_MATERIALS } from './materials';
import type { Party } from './time-limits';
import { STEPS_OF, transferDecider, type TransferCommand, type TransferCommandKind } from './transfer';
import { evolveTransfer, initialTransferState, type TransferState } from './transfer-state';

const { given, when, refusal } = deciderSpec(transferDecider);

/** The refusal a command meets: its code, kind and both messages. */
function refused(f: () => unknown): { code: string; kind: string; zh: string; en: string } {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind, zh: error.zh, en: error.en };
    throw error;
  }
  throw new Error('the decider accepted the command');
}
const code = (events: JudicialEvent[], command: TransferCommand) => refusal(() => when(events, command));
/** Run commands in order, each on the events so far. */
const play = (commands: TransferCommand[], from: JudicialEvent[] = []) => commands.reduce((events, c) => [...events, ...when(events, c)], from);
const types = (events: JudicialEvent[]) => events.map((e) => e.type);
const progressed = (events: JudicialEvent[]) => events.filter((e) => e.type === 'TransferProgressed').map((e) => e.data as Extract<JudicialEvent, { type: 'TransferProgressed' }>['data']);
const outcomes = (events: JudicialEvent[]) => events.filter((e) => e.type === 'SuspectOutcomeRecorded');
/** Plays commands one at a time from the given events: `step` answers what each command produced. */
const walk = (start: JudicialEvent[]) => ({ events: start, step(command: TransferCommand) { const out = when(this.events, command); this.events = [...this.events, ...out]; return out; } });

type Step = Exclude<TransferCommandKind, 'draft'>;
type Cmd<K extends TransferCommandKind> = Extract<TransferCommand, { kind: K }>;
const STEP_KINDS = Object.keys(STEPS_OF) as Step[];
const PARTIES: Party[] = ['bureau', 'police', 'procuratorate', 'court'];
const KINDS: TransferKind[] = ['criminal', 'detention'];
const STATUSES = Object.keys(TRANSFER_STATUSES) as TransferStatus[];

// ---- fixtures -------------------------------------------------------------------------------------------------------

const [police, procuratorate, court]: AgencyRef[] = [{ code: 'yw-police', name: '义乌市公安局' }, { code: 'yw-procuratorate', name: '义乌市人民检察院' }, { code: 'yw-court', name: '义乌市人民法院' }];
const criminal: TransferDrafted = {
  ...{ transferId: 't1', kind: 'criminal', title: '义乌某化工有限公司涉嫌污染环境案', summary: '通过暗管排放含重金属废水', suspect: { kind: 'enterprise', name: '义乌某化工有限公司' } },
  ...{ problemId: 'p1', enterpriseId: 'e1', enforcementCaseId: 'k1', townCode: '330782001', teamIds: ['o1', 'o2'], police, procuratorate, reportedCriteria: ['1-1-4'] },
};
const detention: TransferDrafted = { ...criminal, transferId: 't2', kind: 'detention', title: '张某拒不停止排污案', suspect: { kind: 'person', name: '张某' } };
const byHand = (d: TransferDrafted): TransferDrafted => Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'problemId')) as TransferDrafted;

const draft = (d: TransferDrafted = criminal, by: Party = 'bureau'): TransferCommand => ({ by, kind: 'draft', drafted: d });
const material = (materialKind: string, materialId = `m-${materialKind}`): Cmd<'add-material'> => ({ by: 'bureau', kind: 'add-material', material: { materialId, materialKind, title: '材料', reference: '义环移〔2026〕1号', pages: 3 } });
const materialsFor = (kind: TransferKind) => DEFAULT_REQUIRED_MATERIALS[kind].map((k) => material(k));
const threshold: Cmd<'check-threshold'> = { by: 'bureau', kind: 'check-threshold', check: { facts: { hazardousWasteTonnes: 4 }, suspected: true, tier: 'serious', criteria: [], configVersion: 1 } };
const submit: Cmd<'submit'> = { by: 'bureau', kind: 'submit', report: '建议移送公安机关' };
const [approve, reject]: Array<Cmd<'decide-approval'>> = [{ by: 'bureau', kind: 'decide-approval', approved: true }, { by: 'bureau', kind: 'decide-approval', approved: false, reasons: '证据尚不充分' }];
const send = (kind: TransferKind = 'criminal'): Cmd<'send'> => ({ by: 'bureau', kind: 'send', requiredMaterials: DEFAULT_REQUIRED_MATERIALS[kind] });
const [receive, requestMaterials]: TransferCommand[] = [{ by: 'police', kind: 'receive', receiptNumber: 'R-1' }, { by: 'police', kind: 'request-materials', missing: '监测报告原件' }];
const supplement = (materialIds = ['m-transfer-letter']): Cmd<'supplement'> => ({ by: 'bureau', kind: 'supplement', materialIds, note: '已补充' });
const extend = (reason: 'verification' | 'major' = 'verification'): Cmd<'extend-review'> => ({ by: 'police', kind: 'extend-review', reason });
const file: Cmd<'decide-filing'> = { by: 'police', kind: 'decide-filing', filed: true, documentNumber: '义公环立字〔2026〕3号' };
const notFile: Cmd<'decide-filing'> = { by: 'police', kind: 'decide-filing', filed: false, documentNumber: '义公环不立字〔2026〕1号', reasons: '不构成犯罪' };
const askReconsideration: TransferCommand = { by: 'bureau', kind: 'request-reconsideration', grounds: '危险废物已达三吨' };
const reconsiderFile: Cmd<'decide-reconsideration'> = { by: 'police', kind: 'decide-reconsideration', filed: true, documentNumber: '义公环复字〔2026〕1号' };
const reconsiderUphold: Cmd<'decide-reconsideration'> = { by: 'police', kind: 'decide-reconsideration', filed: false, documentNumber: '义公环复字〔2026〕2号', reasons: '维持不予立案' };
const proposeSupervision: TransferCommand = { by: 'bureau', kind: 'propose-supervision', grounds: '复议维持不予立案' };
const orderFiling: Cmd<'decide-supervision'> = { by: 'procuratorate', kind: 'decide-supervision', orderedFiling: true, documentNumber: '义检立监〔2026〕1号' };
const closeSupervision: Cmd<'decide-supervision'> = { by: 'procuratorate', kind: 'decide-supervision', orderedFiling: false, documentNumber: '义检立监〔2026〕2号', reasons: '理由成立' };
const arrest = (approved = true): Cmd<'decide-arrest'> => ({ by: 'procuratorate', kind: 'decide-arrest', approved, documentNumber: '义检捕〔2026〕9号', date: '2026-12-01' });
const startReview: TransferCommand = { by: 'police', kind: 'start-prosecution-review', documentNumber: '义公诉字〔2027〕2号' };
const prosecute: Cmd<'decide-prosecution'> = { by: 'procuratorate', kind: 'decide-prosecution', prosecuted: true, documentNumber: '义检刑诉〔2027〕5号', date: '2027-02-01', court };
const notProsecute: Cmd<'decide-prosecution'> = { by: 'procuratorate', kind: 'decide-prosecution', prosecuted: false, documentNumber: '义检不诉〔2027〕1号', date: '2027-02-01', reasons: '情节轻微', proposesAdministrativePenalty: true };
const judgment = (convicted = true): Cmd<'record-judgment'> => ({ by: 'court', kind: 'record-judgment', convicted, documentNumber: '(2027)浙0782刑初12号', date: '2027-04-20', sentence: convicted ? '有期徒刑一年六个月' : undefined });
const detain = (detained = true): Cmd<'decide-detention'> => ({ by: 'police', kind: 'decide-detention', detained, date: '2026-11-20', documentNumber: '义公拘〔2026〕7号', ...(detained ? { days: 10 } : { reasons: '情节较轻' }) });
const withdraw: Cmd<'withdraw'> = { by: 'bureau', kind: 'withdraw', reason: '证据不足，撤回补充调查' };

/** A command of each step, by its own party, accepted wherever the step is open (sending: with the kind's checklist). */
const SAMPLE: Record<Step, TransferCommand> = {
  ...{ 'add-material': material('site-records'), 'check-threshold': threshold, submit, 'decide-approval': approve, send: send(), receive, 'request-materials': requestMaterials },
  ...{ supplement: supplement(), 'extend-review': extend(), 'decide-filing': file, 'request-reconsideration': askReconsideration, 'decide-reconsideration': reconsiderFile },
  ...{ 'propose-supervision': proposeSupervision, 'decide-supervision': orderFiling, 'decide-arrest': arrest(), 'start-prosecution-review': startReview, 'decide-prosecution': prosecute },
  ...{ 'record-judgment': judgment(), 'decide-detention': detain(), withdraw },
};
const sample = (step: Step, kind: TransferKind = 'criminal', by?: Party) => ({ ...(step === 'send' ? send(kind) : SAMPLE[step]), ...(by ? { by } : {}) }) as TransferCommand;

/** A way to each status: [status, the status it comes from, the commands between, for one kind only]. */
const HOPS = [
  ...[['pending-approval', 'drafted', [submit]], ['not-approved', 'pending-approval', [reject]], ['approved', 'pending-approval', [approve]], ['withdrawn', 'drafted', [withdraw]]],
  ...[['sent', 'approved', [send()], 'criminal'], ['sent', 'approved', [send('detention')], 'detention'], ['received', 'sent', [receive]], ['materials-requested', 'received', [requestMaterials]]],
  ...[['detained', 'received', [detain()], 'detention'], ['not-detained', 'received', [detain(false)], 'detention'], ['filed', 'received', [file], 'criminal']],
  ...[['not-filed', 'received', [notFile], 'criminal'], ['reconsideration-requested', 'not-filed', [askReconsideration], 'criminal']],
  ...[['supervision-proposed', 'reconsideration-requested', [reconsiderUphold, proposeSupervision], 'criminal'], ['filing-ordered', 'supervision-proposed', [orderFiling], 'criminal']],
  ...[['closed', 'supervision-proposed', [closeSupervision], 'criminal'], ['prosecution-review', 'filed', [startReview], 'criminal'], ['prosecuted', 'prosecution-review', [prosecute], 'criminal']],
  ...[['not-prosecuted', 'prosecution-review', [notProsecute], 'criminal'], ['judged', 'prosecuted', [judgment()], 'criminal']],
] as Array<[TransferStatus, TransferStatus, TransferCommand[], TransferKind?]>;
const ROUTES = {} as Record<TransferKind, Partial<Record<TransferStatus, TransferCommand[]>>>;
for (const kind of KINDS) {
  const r = (ROUTES[kind] = { drafted: [draft(kind === 'criminal' ? criminal : detention), ...materialsFor(kind)] } as Partial<Record<TransferStatus, TransferCommand[]>>);
  for (const [status, from, commands, only] of HOPS) if ((only ?? kind) === kind) r[status] = [...r[from]!, ...commands];
}
/** The events that lead to a status (of a criminal transfer, unless only a detention transfer gets there). */
const at = (status: TransferStatus, kind: TransferKind = ROUTES.criminal[status] ? 'criminal' : 'detention'): JudicialEvent[] => play(ROUTES[kind][status]!);
const routed = (kind: TransferKind) => Object.keys(ROUTES[kind]) as TransferStatus[];

// ---- what the regulations say (§4.1–4.4), written out apart from STEPS_OF --------------------------------------------

const BEFORE_FILING: TransferStatus[] = ['drafted', 'pending-approval', 'approved', 'sent', 'received', 'materials-requested', 'not-filed', 'reconsideration-requested', 'supervision-proposed'];
/** Who takes each step, from which statuses, and for which kind of transfer only. */
const RULES: Record<Step, { party: Party; from: TransferStatus[]; only?: TransferKind }> = {
  ...{ 'add-material': { party: 'bureau', from: ['drafted', 'pending-approval', 'approved', 'materials-requested'] }, submit: { party: 'bureau', from: ['drafted'] } },
  ...{ 'check-threshold': { party: 'bureau', from: ['drafted', 'pending-approval'], only: 'criminal' }, 'decide-approval': { party: 'bureau', from: ['pending-approval'] } },
  ...{ send: { party: 'bureau', from: ['approved'] }, receive: { party: 'police', from: ['sent'] }, 'request-materials': { party: 'police', from: ['received'] } },
  ...{ supplement: { party: 'bureau', from: ['materials-requested'] }, 'extend-review': { party: 'police', from: ['received'], only: 'criminal' } },
  ...{ 'decide-filing': { party: 'police', from: ['received', 'filing-ordered'], only: 'criminal' }, 'request-reconsideration': { party: 'bureau', from: ['not-filed'], only: 'criminal' } },
  ...{ 'decide-reconsideration': { party: 'police', from: ['reconsideration-requested'], only: 'criminal' }, 'propose-supervision': { party: 'bureau', from: ['not-filed', 'received'], only: 'criminal' } },
  ...{ 'decide-supervision': { party: 'procuratorate', from: ['supervision-proposed'], only: 'criminal' }, 'decide-arrest': { party: 'procuratorate', from: ['filed'], only: 'criminal' } },
  ...{ 'start-prosecution-review': { party: 'police', from: ['filed'], only: 'criminal' }, 'decide-prosecution': { party: 'procuratorate', from: ['prosecution-review'], only: 'criminal' } },
  ...{ 'record-judgment': { party: 'court', from: ['prosecuted'], only: 'criminal' }, 'decide-detention': { party: 'police', from: ['received'], only: 'detention' } },
  withdraw: { party: 'bureau', from: BEFORE_FILING },
};
/** The status changes each step may make, as "from → to": the lifecycle's graph. Steps not listed change nothing. */
const GRAPH: Partial<Record<TransferCommandKind, string[]>> = {
  ...{ draft: ['none → drafted'], submit: ['drafted → pending-approval'], 'decide-approval': ['pending-approval → approved', 'pending-approval → not-approved'] },
  ...{ send: ['approved → sent'], receive: ['sent → received'], 'request-materials': ['received → materials-requested'], supplement: ['materials-requested → received'] },
  'decide-filing': ['received → filed', 'received → not-filed', 'filing-ordered → filed', 'filing-ordered → not-filed'],
  ...{ 'request-reconsideration': ['not-filed → reconsideration-requested'], 'decide-reconsideration': ['reconsideration-requested → filed', 'reconsideration-requested → not-filed'] },
  ...{ 'propose-supervision': ['not-filed → supervision-proposed', 'received → supervision-proposed'], 'decide-supervision': ['supervision-proposed → filing-ordered', 'supervision-proposed → closed'] },
  ...{ 'start-prosecution-review': ['filed → prosecution-review'], 'decide-prosecution': ['prosecution-review → prosecuted', 'prosecution-review → not-prosecuted'] },
  ...{ 'record-judgment': ['prosecuted → judged'], 'decide-detention': ['received → detained', 'received → not-detained'], withdraw: BEFORE_FILING.map((s) => `${s} → withdrawn`) },
};

// ---- the decider ----------------------------------------------------------------------------------------------------

it('STEPS_OF gives each step to its party, from its statuses, for its kind; an event each; the one-off answers once-only', () => {
  const table = (rules: Record<string, { party: Party; from: TransferStatus[]; only?: TransferKind }>) => Object.entries(rules).map(([s, r]) => [s, r.party, [...r.from].sort(), r.only]).sort();
  expect(table(STEPS_OF)).toEqual(table(RULES));
  expect(new Set(STEP_KINDS.map((s) => STEPS_OF[s].event)).size).toBe(STEP_KINDS.length);
  expect(STEP_KINDS.filter((s) => STEPS_OF[s].once).sort()).toEqual(['decide-arrest', 'extend-review', 'request-reconsideration']);
});

describe('drafting', () => {
  it('drafts a transfer and says so to cases and enforcement; drafting again changes nothing', () => {
    const feedback = { transferId: 't1', kind: 'criminal', status: 'drafted', problemId: 'p1', enterpriseId: 'e1', enforcementCaseId: 'k1', note: { zh: '行刑衔接：起草中', en: 'Transfer: Drafted' } };
    expect(when([], draft())).toEqual([{ type: 'TransferDrafted', data: criminal }, { type: 'TransferProgressed', data: feedback }]);
    expect(given(play([draft()]))).toEqual({ status: 'drafted', drafted: criminal, materials: [], done: ['TransferDrafted', 'TransferProgressed'] });
    for (const status of ['drafted', 'filed', 'withdrawn'] as TransferStatus[]) expect(when(at(status), draft({ ...criminal, title: '另一案' }))).toEqual([]);
    // a transfer drafted by hand has no links to carry
    const bare = draft({ ...criminal, problemId: undefined, enterpriseId: undefined, enforcementCaseId: undefined });
    for (const key of ['problemId', 'enterpriseId', 'enforcementCaseId', 'documentNumber', 'outcome']) expect(when([], bare)[1].data).not.toHaveProperty(key);
  });

  it('is for the bureau, with a team of at least two officers (2020 规定 art. 5)', () => {
    for (const by of ['police', 'procuratorate', 'court'] as Party[]) expect(refused(() => when([], draft(criminal, by)))).toMatchObject({ code: 'NOT_YOUR_STEP', kind: 'forbidden', zh: '移送由生态环境部门起草' });
    for (const teamIds of [[], ['o1'], ['o1', 'o1']]) expect(refused(() => when([], draft({ ...criminal, teamIds })))).toMatchObject({ code: 'TEAM_TOO_SMALL', kind: 'invalid' });
    for (const teamIds of [['o1', 'o2'], ['o1', 'o1', 'o2']]) expect(types(when([], draft({ ...criminal, teamIds })))).toEqual(['TransferDrafted', 'TransferProgressed']);
  });
});

describe('the criminal path', () => {
  it('adds materials and the threshold check without changing the status', () => {
    expect(when(at('drafted'), material('photos-av'))).toEqual([{ type: 'TransferMaterialAdded', data: { transferId: 't1', ...material('photos-av').material } }]);
    expect(when(at('drafted'), threshold)).toEqual([{ type: 'ThresholdChecked', data: { transferId: 't1', ...threshold.check } }]);
    expect(given(play([threshold], at('drafted')))).toMatchObject({ status: 'drafted', threshold: { transferId: 't1', ...threshold.check }, materials: materialsFor('criminal').map((m) => expect.objectContaining(m.material)) });
  });

  it('goes from the draft through approval, sending, receipt, filing, arrest and prosecution to judgment', () => {
    const path = walk(at('drafted'));
    const step = path.step.bind(path);
    const links = { transferId: 't1', kind: 'criminal', problemId: 'p1', enterpriseId: 'e1', enforcementCaseId: 'k1' };
    const feedback = (status: TransferStatus, extra: object = {}) => ({ type: 'TransferProgressed', data: expect.objectContaining({ ...links, status, ...extra }) });
    expect(step(submit)).toEqual([{ type: 'TransferSubmitted', data: { transferId: 't1', report: '建议移送公安机关' } }, feedback('pending-approval')]);
    expect(step(approve)).toEqual([{ type: 'TransferApprovalDecided', data: { transferId: 't1', approved: true } }, feedback('approved')]);
    expect(step(send())).toEqual([{ type: 'TransferSent', data: { transferId: 't1', police, procuratorate, materialIds: DEFAULT_REQUIRED_MATERIALS.criminal.map((k) => `m-${k}`) } }, feedback('sent')]);
    expect(step(receive)).toEqual([{ type: 'TransferReceived', data: { transferId: 't1', receiptNumber: 'R-1' } }, feedback('received')]);
    const [no, note] = [file.documentNumber, { zh: '行刑衔接：已立案侦查（义公环立字〔2026〕3号）', en: 'Transfer: Filed, under investigation (义公环立字〔2026〕3号)' }];
    expect(step(file)).toEqual([{ type: 'FilingDecided', data: { transferId: 't1', filed: true, documentNumber: no } }, feedback('filed', { documentNumber: no, note })]);
    // an arrest leaves the transfer filed: no TransferProgressed, but the outcome goes to rewards
    const arrested = { documentNumber: '义检捕〔2026〕9号', date: '2026-12-01' };
    expect(step(arrest())).toEqual([{ type: 'ArrestDecided', data: { transferId: 't1', approved: true, ...arrested } }, { type: 'SuspectOutcomeRecorded', data: { problemId: 'p1', outcome: 'arrest', ...arrested } }]);
    expect(step(startReview)).toEqual([{ type: 'ProsecutionReviewStarted', data: { transferId: 't1', documentNumber: '义公诉字〔2027〕2号' } }, feedback('prosecution-review')]);
    const indicted = { documentNumber: '义检刑诉〔2027〕5号', date: '2027-02-01' };
    expect(step(prosecute)).toEqual([{ type: 'ProsecutionDecided', data: { transferId: 't1', prosecuted: true, ...indicted, court } }, feedback('prosecuted', { documentNumber: indicted.documentNumber })]);
    const judged = { documentNumber: '(2027)浙0782刑初12号', date: '2027-04-20' };
    expect(step(judgment())).toEqual([
      { type: 'JudgmentRecorded', data: { transferId: 't1', convicted: true, ...judged, sentence: '有期徒刑一年六个月' } },
      feedback('judged', { outcome: 'conviction', documentNumber: judged.documentNumber }),
      { type: 'SuspectOutcomeRecorded', data: { problemId: 'p1', outcome: 'conviction', ...judged } },
    ]);
    expect(given(path.events)).toMatchObject({ status: 'judged', court });
    for (const s of STEP_KINDS) expect(() => when(path.events, sample(s))).toThrow(DomainError);
  });

  it('lets the police extend their review once (7 or 30 days, 2017 办法 art. 9)', () => {
    expect(when(at('received'), extend('major'))).toEqual([{ type: 'FilingReviewExtended', data: { transferId: 't1', reason: 'major' } }]);
    const events = play([extend('major')], at('received'));
    expect([given(events).status, code(events, extend('verification')), types(when(events, file))]).toEqual(['received', 'ALREADY_ANSWERED', ['FilingDecided', 'TransferProgressed']]);
  });

  it('notes no outcome for an arrest refused, an acquittal, or not prosecuting', () => {
    const [acquitted, notProsecuted] = [when(at('prosecuted'), judgment(false)), when(at('prosecution-review'), notProsecute)];
    expect([types(when(at('filed'), arrest(false))), types(acquitted), types(notProsecuted)]).toEqual([['ArrestDecided'], ['JudgmentRecorded', 'TransferProgressed'], ['ProsecutionDecided', 'TransferProgressed']]);
    const notice = { transferId: 't1', prosecuted: false, documentNumber: '义检不诉〔2027〕1号', date: '2027-02-01', reasons: '情节轻微', proposesAdministrativePenalty: true };
    expect([acquitted[1].data, notProsecuted[0].data]).toEqual([expect.not.objectContaining({ outcome: expect.anything() }), notice]);
  });
});

describe('the detention path (2015 暂行办法)', () => {
  it('goes from draft to a detention decision, sent with the shorter checklist, with the outcome for rewards', () => {
    expect(when(at('approved', 'detention'), send('detention'))[0].data).toEqual({ transferId: 't2', police, procuratorate, materialIds: ['m-transfer-letter', 'm-investigation-report'] });
    const decided = { documentNumber: '义公拘〔2026〕7号', date: '2026-11-20' };
    expect(when(at('received', 'detention'), detain())).toEqual([
      { type: 'DetentionDecided', data: { transferId: 't2', detained: true, days: 10, ...decided } },
      { type: 'TransferProgressed', data: expect.objectContaining({ transferId: 't2', kind: 'detention', status: 'detained', problemId: 'p1', outcome: 'detention', documentNumber: decided.documentNumber }) },
      { type: 'SuspectOutcomeRecorded', data: { problemId: 'p1', outcome: 'detention', ...decided } },
    ]);
  });

  it('records a refusal to detain with its reasons and no outcome; materials may be asked for as in a criminal transfer', () => {
    const out = when(at('received', 'detention'), detain(false));
    expect([out[0].data, progressed(out).map((p) => [p.status, p.outcome])]).toEqual([expect.objectContaining({ detained: false, reasons: '情节较轻' }), [['not-detained', undefined]]]);
    expect(given(play([requestMaterials, material('site-records', 'm-x'), supplement(['m-x'])], at('received', 'detention'))).status).toBe('received');
  });

  it('refuses the criminal steps on a detention transfer, and a detention decision on a criminal one (WRONG_TRANSFER_KIND)', () => {
    const criminalOnly: Array<[Step, TransferStatus]> = [['check-threshold', 'drafted'], ['extend-review', 'received'], ['decide-filing', 'received'], ['propose-supervision', 'received'], ['decide-arrest', 'detained']];
    for (const [step, status] of criminalOnly) expect(refused(() => when(at(status, 'detention'), sample(step)))).toMatchObject({ code: 'WRONG_TRANSFER_KIND', kind: 'conflict', zh: '此环节只适用于涉嫌犯罪移送' });
    expect(refused(() => when(at('received'), detain()))).toMatchObject({ code: 'WRONG_TRANSFER_KIND', kind: 'conflict', zh: '此环节只适用于行政拘留移送' });
  });
});

describe('refusal → reconsideration → supervision → ordered filing (2017 办法 art. 11–13; SPP 2001)', () => {
  it('goes the whole way, with feedback at every turn', () => {
    const path = walk(at('received'));
    const step = (command: TransferCommand, status: TransferStatus) => {
      const out = path.step(command);
      expect([progressed(out).map((p) => p.status), given(path.events).status]).toEqual([[status], status]);
      return out[0].data;
    };
    expect(step(notFile, 'not-filed')).toEqual({ transferId: 't1', filed: false, documentNumber: '义公环不立字〔2026〕1号', reasons: '不构成犯罪' });
    expect(step(askReconsideration, 'reconsideration-requested')).toEqual({ transferId: 't1', grounds: '危险废物已达三吨' });
    expect(step(reconsiderUphold, 'not-filed')).toEqual({ transferId: 't1', filed: false, documentNumber: '义公环复字〔2026〕2号', reasons: '维持不予立案' });
    expect(step(proposeSupervision, 'supervision-proposed')).toEqual({ transferId: 't1', grounds: '复议维持不予立案' });
    expect(step(orderFiling, 'filing-ordered')).toEqual({ transferId: 't1', orderedFiling: true, documentNumber: '义检立监〔2026〕1号' });
    const { zh, en } = TRANSFER_STATUSES['filing-ordered'];
    expect(refused(() => when(path.events, withdraw))).toEqual({ code: 'TRANSFER_WRONG_STATUS', kind: 'conflict', zh: `当前状态（${zh}）下不能办理此事项`, en: `Not possible while the transfer is ${en.toLowerCase()}` });
    step(file, 'filed');
    expect(types(when(path.events, arrest()))).toEqual(['ArrestDecided', 'SuspectOutcomeRecorded']);
  });

  it('files on reconsideration; goes to the procuratorate directly while the police sit on the case (2020 规定 art. 9); may close there', () => {
    expect(progressed(when(at('reconsideration-requested'), reconsiderFile))).toEqual([expect.objectContaining({ status: 'filed', documentNumber: '义公环复字〔2026〕1号' })]);
    expect(progressed(when(at('received'), proposeSupervision)).map((p) => p.status)).toEqual(['supervision-proposed']);
    expect(types(when(play([proposeSupervision], at('received')), orderFiling))).toEqual(['SupervisionDecided', 'TransferProgressed']);
    for (const s of STEP_KINDS) expect(() => when(at('closed'), sample(s))).toThrow(DomainError);
  });
});

describe('materials and decisions', () => {
  it('refuses to send while a required material is missing, naming what is missing (MATERIALS_INCOMPLETE); sends all that were added', () => {
    const events = play([draft(), material('transfer-letter'), submit, material('items-list'), approve]);
    const missing = { zh: '移送材料不全，缺少：涉嫌犯罪案件调查报告、检验报告、监测报告或认定意见', en: 'Materials are missing: Investigation report, Test, monitoring or determination reports' };
    expect(refused(() => when(events, send()))).toEqual({ code: 'MATERIALS_INCOMPLETE', kind: 'invalid', ...missing });
    for (const requiredMaterials of [['transfer-letter', 'items-list'], []]) expect(types(when(events, { ...send(), requiredMaterials }))).toEqual(['TransferSent', 'TransferProgressed']);
    const all = play([material('investigation-report'), material('test-reports'), material('photos-av')], events);
    expect(when(all, send())[0].data).toMatchObject({ materialIds: ['m-transfer-letter', 'm-items-list', 'm-investigation-report', 'm-test-reports', 'm-photos-av'] });
  });

  it('supplements only with materials added first (MATERIAL_UNKNOWN), and takes materials from the police only when they ask', () => {
    for (const ids of [[], ['m-nothing'], ['m-transfer-letter', 'm-nothing']]) expect(refused(() => when(at('materials-requested'), supplement(ids)))).toMatchObject({ code: 'MATERIAL_UNKNOWN', kind: 'invalid' });
    const supplemented = when(play([material('test-reports', 'm-new')], at('materials-requested')), supplement(['m-new']));
    expect(supplemented).toEqual([{ type: 'MaterialsSupplemented', data: { transferId: 't1', materialIds: ['m-new'], note: '已补充' } }, expect.objectContaining({ type: 'TransferProgressed' })]);
    for (const status of ['sent', 'received', 'filed'] as TransferStatus[]) expect(['TRANSFER_WRONG_STATUS', 'ALREADY_ANSWERED']).toContain(code(at(status), material('other', 'm-late')));
  });

  it.each<[string, TransferStatus, TransferKind, TransferCommand, TransferCommand]>([
    ...[['not to transfer (2020 规定 art. 5)', 'pending-approval', 'criminal', reject, approve], ['not to file (2017 办法 art. 9)', 'received', 'criminal', notFile, file]],
    ...[['to uphold not filing', 'reconsideration-requested', 'criminal', reconsiderUphold, reconsiderFile], ['to close supervision', 'supervision-proposed', 'criminal', closeSupervision, orderFiling]],
    ...[['not to prosecute', 'prosecution-review', 'criminal', notProsecute, prosecute], ['not to detain', 'received', 'detention', detain(false), detain()]],
  ] as Array<[string, TransferStatus, TransferKind, TransferCommand, TransferCommand]>)('a decision %s gives its reasons (REASONS_REQUIRED); the positive one needs none', (_, status, kind, negative, positive) => {
    const missing = { code: 'REASONS_REQUIRED', kind: 'invalid', en: 'A negative decision must give its reasons' };
    for (const reasons of [undefined, '', '   ', '\n\t']) expect(refused(() => when(at(status, kind), { ...negative, reasons } as TransferCommand))).toMatchObject(missing);
    expect(when(at(status, kind), negative)[0].data).toMatchObject({ reasons: (negative as { reasons: string }).reasons });
    expect(when(at(status, kind), positive)[0].data).not.toHaveProperty('reasons');
  });

  it('names the court of a prosecution (COURT_REQUIRED), and needs none not to prosecute', () => {
    const { court: _none, ...noCourt } = prosecute;
    expect(refused(() => when(at('prosecution-review'), noCourt))).toMatchObject({ code: 'COURT_REQUIRED', kind: 'invalid' });
    expect(given(play([notProsecute], at('prosecution-review')))).toMatchObject({ status: 'not-prosecuted', court: undefined });
  });
});

describe('who may do what, when, and how often', () => {
  const NAMES: Record<Party, string> = { bureau: '生态环境部门', police: '公安机关', procuratorate: '检察机关', court: '审判机关' };
  const WRONG = STEP_KINDS.flatMap((step) => PARTIES.filter((p) => p !== RULES[step].party).map((by) => [step, by, RULES[step].party] as [Step, Party, Party]));

  it.each(WRONG)('%s by the %s is refused where it is open: it is for the %s (NOT_YOUR_STEP)', (step, by, party) => {
    const [status, kind]: [TransferStatus, TransferKind] = [RULES[step].from[0], RULES[step].only ?? 'criminal'];
    expect(refused(() => when(at(status, kind), sample(step, kind, by)))).toEqual({ code: 'NOT_YOUR_STEP', kind: 'forbidden', zh: `此环节应由${NAMES[party]}办理`, en: `This step is for the ${party}` });
  });

  it('checks the party before the kind of transfer and the status; every status is reached by the routes', () => {
    expect([WRONG.length, code(at('drafted', 'detention'), { ...file, by: 'court' }), code(at('drafted'), { ...judgment(), by: 'police' })]).toEqual([STEP_KINDS.length * 3, 'NOT_YOUR_STEP', 'NOT_YOUR_STEP']);
    expect(new Set([...routed('criminal'), ...routed('detention')])).toEqual(new Set(STATUSES));
    for (const kind of KINDS) for (const s of routed(kind)) expect(given(at(s, kind)).status).toBe(s);
  });

  it.each(KINDS.flatMap((kind) => STEP_KINDS.filter((s) => (RULES[s].only ?? kind) === kind).map((step) => [step, kind] as [Step, TransferKind])))('%s (%s) is accepted from its statuses only', (step, kind) => {
    for (const status of routed(kind)) {
      if (RULES[step].from.includes(status)) expect([status, when(at(status, kind), sample(step, kind))[0].type]).toEqual([status, STEPS_OF[step].event]);
      else expect([status, status === 'withdrawn' ? ['TRANSFER_WITHDRAWN'] : ['TRANSFER_WRONG_STATUS', 'ALREADY_ANSWERED']]).toEqual([status, expect.arrayContaining([code(at(status, kind), sample(step, kind))])]);
    }
  });

  it('refuses a step out of turn (TRANSFER_WRONG_STATUS): nothing is sent unapproved, received unsent, filed unreceived, judged unprosecuted', () => {
    const early: Array<[TransferStatus, TransferCommand]> = [['pending-approval', send()], ['not-approved', send()], ['approved', receive], ['sent', file], ['received', arrest()], ['not-filed', startReview]];
    early.push(['prosecution-review', judgment()], ['not-prosecuted', judgment()], ['received', supplement()], ['not-filed', reconsiderFile], ['not-filed', orderFiling]);
    for (const [status, command] of early) expect([status, command.kind, code(at(status), command)]).toEqual([status, command.kind, 'TRANSFER_WRONG_STATUS']);
  });

  it.each([
    ...[['a report submitted twice', 'approved', submit], ['an approval decided twice', 'approved', approve], ['a refusal to transfer undone', 'not-approved', approve]],
    ...[['a transfer sent twice', 'sent', send()], ['a receipt given twice', 'received', receive], ['a receipt after filing', 'filed', receive], ['a filing decided twice', 'filed', file]],
    ...[['a filing after not filing', 'not-filed', file], ['a judgment recorded twice', 'judged', judgment()]],
    ...[['a reconsideration decided twice', 'supervision-proposed', reconsiderFile], ['a supervision decided twice', 'filing-ordered', closeSupervision], ['a prosecution decided twice', 'prosecuted', prosecute]],
    ...[['a prosecution review started twice', 'prosecution-review', startReview], ['a detention decided twice', 'detained', detain(false)], ['a refusal to detain undone', 'not-detained', detain()]],
  ] as Array<[string, TransferStatus, TransferCommand]>)('refuses %s (ALREADY_ANSWERED)', (_, status, command) => {
    expect(refused(() => when(at(status), command))).toMatchObject({ code: 'ALREADY_ANSWERED', kind: 'conflict', zh: '该事项已答复，不能重复答复' });
  });

  it('refuses the once-only steps a second time, even where they are otherwise open', () => {
    // the arrest leaves the transfer filed, where arrests are decided
    expect(refused(() => when(play([arrest(false)], at('filed')), arrest()))).toMatchObject({ code: 'ALREADY_ANSWERED', zh: '该事项已办理，不能重复' });
    // the extension leaves it received; after a request and a supplement it is received again
    expect(code(play([extend(), requestMaterials, supplement()], at('received')), extend('major'))).toBe('ALREADY_ANSWERED');
    // refused again after the ordered filing: no second reconsideration, but supervision may be proposed again
    const again = play([orderFiling, notFile], at('supervision-proposed'));
    expect([code(again, askReconsideration), types(when(again, proposeSupervision))]).toEqual(['ALREADY_ANSWERED', ['SupervisionProposed', 'TransferProgressed']]);
    // a repeatable step out of its status is out of turn, not "already answered"
    expect(code(at('materials-requested'), requestMaterials)).toBe('TRANSFER_WRONG_STATUS');
    // an arrest after the review began: already answered if decided, out of turn if never
    expect([code(play([arrest(), startReview], at('filed')), arrest()), code(at('prosecution-review'), arrest())]).toEqual(['ALREADY_ANSWERED', 'TRANSFER_WRONG_STATUS']);
  });
});

describe('withdrawal', () => {
  const allowed = [...BEFORE_FILING.map((s) => [s, 'criminal']), ...['drafted', 'pending-approval', 'approved', 'sent', 'received', 'materials-requested'].map((s) => [s, 'detention'])];
  it.each(allowed as Array<[TransferStatus, TransferKind]>)('is allowed while %s (%s)', (status, kind) => {
    const out = when(at(status, kind), withdraw);
    expect([out[0].data, progressed(out)]).toEqual([{ transferId: kind === 'criminal' ? 't1' : 't2', reason: '证据不足，撤回补充调查' }, [expect.objectContaining({ status: 'withdrawn', note: { zh: '行刑衔接：已撤回', en: 'Transfer: Withdrawn' } })]]);
  });

  const refusedAfter = [...['filed', 'filing-ordered', 'prosecution-review', 'prosecuted', 'not-prosecuted', 'judged', 'closed', 'not-approved'].map((s) => [s, 'criminal']), ['detained', 'detention'], ['not-detained', 'detention']];
  it.each(refusedAfter as Array<[TransferStatus, TransferKind]>)('is refused once %s (%s)', (status, kind) => {
    expect(refused(() => when(at(status, kind), withdraw))).toMatchObject({ code: 'TRANSFER_WRONG_STATUS', kind: 'conflict' });
  });

  it.each(PARTIES)('leaves nothing to be done, by anyone (%s); nor is there anything to do on a transfer never drafted', (by) => {
    for (const kind of KINDS) for (const step of STEP_KINDS) expect(refused(() => when(at('withdrawn', kind), sample(step, kind, by)))).toMatchObject({ code: 'TRANSFER_WITHDRAWN', kind: 'conflict' });
    for (const step of STEP_KINDS) expect(refused(() => when([], sample(step, 'criminal', by)))).toMatchObject({ code: 'TRANSFER_NOT_FOUND', kind: 'not-found' });
  });
});

describe('evolveTransfer', () => {
  const e = (type: JudicialEvent['type'], data: object = {}) => ({ type, data: { transferId: 't1', ...data } }) as JudicialEvent;

  it('keeps the status on the events that do not change it, and stays "none" before a draft', () => {
    expect(initialTransferState()).toEqual({ status: 'none', materials: [], done: [] });
    const others = ['TransferMaterialAdded', 'ThresholdChecked', 'FilingReviewExtended', 'ArrestDecided', 'TransferProgressed', 'SuspectOutcomeRecorded', 'TransferDeadlineWarned', 'TransferOverdue'] as const;
    for (const type of others) expect([evolveTransfer(given(at('filed')), e(type, { approved: true })).status, evolveTransfer(initialTransferState(), e(type)).status]).toEqual(['filed', 'none']);
  });

  it('keeps the draft, the materials in order, the latest threshold check, the court, and what was done, once each in order', () => {
    expect(given(at('judged'))).toMatchObject({ drafted: criminal, court, materials: DEFAULT_REQUIRED_MATERIALS.criminal.map((k) => expect.objectContaining({ materialId: `m-${k}` })) });
    expect(given(play([threshold, { ...threshold, check: { ...threshold.check, suspected: false, configVersion: 2 } }], at('drafted'))).threshold).toMatchObject({ suspected: false, configVersion: 2 });
    expect(given(at('filed')).done).toEqual(['TransferDrafted', 'TransferProgressed', 'TransferMaterialAdded', 'TransferSubmitted', 'TransferApprovalDecided', 'TransferSent', 'TransferReceived', 'FilingDecided']);
  });
});

// ---- invariants under random commands -------------------------------------------------------------------------------

describe('invariants under random command sequences (fast-check)', () => {
  const CODES = 'NOT_YOUR_STEP WRONG_TRANSFER_KIND ALREADY_ANSWERED TRANSFER_WRONG_STATUS TRANSFER_WITHDRAWN TRANSFER_NOT_FOUND REASONS_REQUIRED MATERIALS_INCOMPLETE MATERIAL_UNKNOWN COURT_REQUIRED TEAM_TOO_SMALL'.split(' ');
  const OUTCOME_OF: Partial<Record<JudicialEvent['type'], [string, JudicialOutcome]>> = { ArrestDecided: ['approved', 'arrest'], DetentionDecided: ['detained', 'detention'], JudgmentRecorded: ['convicted', 'conviction'] };
  const weighted = <T>(a: T, wa: number, b: T, wb: number) => fc.oneof({ arbitrary: fc.constant(a), weight: wa }, { arbitrary: fc.constant(b), weight: wb });
  const drafted = fc.tuple(weighted<TransferKind>('criminal', 2, 'detention', 1), weighted(true, 3, false, 1)).map(([kind, fromProblem]) => (fromProblem ? (d: TransferDrafted) => d : byHand)(kind === 'criminal' ? criminal : detention));
  /** Everything a command may carry; the step and the party are chosen as it is played. */
  const answers = fc.record({
    ...{ yes: weighted(true, 2, false, 1), withCourt: fc.boolean(), major: fc.boolean(), drafted, team: fc.subarray(['o1', 'o2', 'o3', 'o1']), materialId: fc.constantFrom('m1', 'm2', 'm3', 'm4') },
    ...{ reasons: fc.oneof({ arbitrary: fc.constantFrom('理由充分', '证据不足'), weight: 3 }, { arbitrary: fc.constantFrom(undefined, '', '  '), weight: 1 }) },
    ...{ materialKind: fc.constantFrom(...DEFAULT_REQUIRED_MATERIALS.criminal, 'site-records'), required: fc.subarray(DEFAULT_REQUIRED_MATERIALS.criminal, { maxLength: 2 }) },
    supplied: fc.oneof({ arbitrary: fc.subarray(['m1', 'm2', 'm3', 'm4'], { minLength: 1 }), weight: 4 }, { arbitrary: fc.subarray(['m1', 'm-unknown']), weight: 1 }),
  });
  type Answers = typeof answers extends fc.Arbitrary<infer A> ? A : never;
  const move = fc.record({ steer: weighted(true, 6, false, 1), pick: fc.nat(), by: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.constantFrom(...PARTIES), weight: 1 }), answers });

  /** The sample command of the step, with the answers of this move in it. */
  function build(kind: TransferCommandKind, by: Party, a: Answers): TransferCommand {
    if (kind === 'draft') return draft({ ...a.drafted, teamIds: a.team }, by);
    const c: Record<string, unknown> = { ...sample(kind, 'criminal', by) };
    const decision = ['approved', 'filed', 'orderedFiling', 'prosecuted', 'convicted', 'detained'].find((k) => k in c);
    if (decision) Object.assign(c, { [decision]: a.yes }, kind === 'decide-arrest' || kind === 'record-judgment' ? {} : { reasons: a.reasons });
    const varied = { material: { ...material(a.materialKind).material, materialId: a.materialId }, requiredMaterials: a.required, materialIds: a.supplied, court: a.withCourt ? court : undefined };
    for (const [k, v] of Object.entries({ ...varied, ...(kind === 'extend-review' ? { reason: a.major ? 'major' : 'verification' } : {}) })) if (k in c) c[k] = v;
    return c as TransferCommand;
  }

  /** Steered moves take a step open now (withdrawal aside, mostly one that moves the transfer on), to get deep into the lifecycle. */
  function choose(state: TransferState, steer: boolean, pick: number): TransferCommandKind {
    const open = state.drafted ? STEP_KINDS.filter((s) => s !== 'withdraw' && STEPS_OF[s].from.includes(state.status as TransferStatus) && (STEPS_OF[s].only ?? state.drafted!.kind) === state.drafted!.kind) : [];
    const onward = open.filter((s) => !['add-material', 'check-threshold', 'extend-review'].includes(s));
    const pool: TransferCommandKind[] = !steer || !open.length ? ['draft', ...STEP_KINDS] : onward.length && pick % 3 ? onward : open;
    return pool[Math.floor(pick / 3) % pool.length];
  }

  /** What the runs went through: statuses reached, refusals met, outcomes noticed. */
  const seen = new Set<string>();

  it('holds the lifecycle rules whatever anyone tries', () => {
    fc.assert(
      fc.property(fc.option(drafted, { freq: 5 }), fc.array(move, { maxLength: 60, size: 'max' }), (initial, moves) => {
        let state = initial ? evolveTransfer(initialTransferState(), { type: 'TransferDrafted', data: initial }) : initialTransferState();
        for (const m of moves) {
          const kind = choose(state, m.steer, m.pick);
          const by = m.by ?? (kind === 'draft' ? 'bureau' : STEPS_OF[kind].party);
          const before = state;
          const snapshot = JSON.stringify(before);
          let events: JudicialEvent[];
          try {
            events = transferDecider.decide(build(kind, by, m.answers), before);
          } catch (error) {
            // a refusal is a domain error of a known code, and leaves nothing behind: no event, no change of state (finally)
            if (!(error instanceof DomainError)) throw error;
            seen.add(error.code);
            expect(CODES).toContain(error.code);
            if (before.status === 'withdrawn') expect([kind === 'draft', error.code]).toEqual([false, 'TRANSFER_WITHDRAWN']);
            if (before.status === 'none') expect(error.code).toBe(kind !== 'draft' ? 'TRANSFER_NOT_FOUND' : by === 'bureau' ? 'TEAM_TOO_SMALL' : 'NOT_YOUR_STEP');
            else if (kind !== 'draft' && by !== RULES[kind].party && before.status !== 'withdrawn') expect(error.code).toBe('NOT_YOUR_STEP');
            continue;
          } finally {
            expect(JSON.stringify(before)).toBe(snapshot);
          }
          state = events.reduce(evolveTransfer, before);
          seen.add(state.status);
          // only a draft of an existing transfer is answered with nothing
          if (!events.length) expect([kind, before.status === 'none']).toEqual(['draft', false]);
          if (!events.length) continue;
          const [answer, ...feedback] = events;
          const d = state.drafted!;
          // a withdrawn transfer never changes again
          expect(before.status).not.toBe('withdrawn');
          // the answer is the step's event, by the step's party, from a status it is open from, for its kind of transfer
          if (kind === 'draft') expect([answer.type, by, before.status, new Set(d.teamIds).size >= 2]).toEqual(['TransferDrafted', 'bureau', 'none', true]);
          else expect([answer.type, by, RULES[kind].from.includes(before.status as TransferStatus), RULES[kind].only ?? d.kind]).toEqual([STEPS_OF[kind].event, RULES[kind].party, true, d.kind]);
          expect((answer.data as { transferId: string }).transferId).toBe(d.transferId);
          // the status only changes along the lifecycle's graph
          if (state.status !== before.status) expect(GRAPH[kind] ?? []).toContain(`${before.status} → ${state.status}`);
          // TransferProgressed exactly when the status changes, with the links of the draft
          const progress = progressed(feedback);
          expect(progress).toHaveLength(state.status !== before.status ? 1 : 0);
          const names = progress.length ? [expect.stringContaining(TRANSFER_STATUSES[state.status as TransferStatus].zh), expect.stringContaining(TRANSFER_STATUSES[state.status as TransferStatus].en)] : [];
          for (const p of progress) expect([p.transferId, p.kind, p.status, p.problemId, p.enterpriseId, p.note.zh, p.note.en]).toEqual([d.transferId, d.kind, state.status, d.problemId, d.enterpriseId, ...names]);
          // SuspectOutcomeRecorded for an approved arrest, a detention and a conviction, and only with a problem
          const rule = OUTCOME_OF[answer.type];
          const outcome = rule && (answer.data as unknown as Record<string, unknown>)[rule[0]] === true ? rule[1] : undefined;
          const { documentNumber, date } = answer.data as { documentNumber?: string; date?: string };
          expect(outcomes(feedback)).toEqual(outcome && d.problemId ? [{ type: 'SuspectOutcomeRecorded', data: { problemId: d.problemId, outcome, documentNumber, date } }] : []);
          if (outcome) seen.add(d.problemId ? `${outcome} noticed` : 'an outcome without a problem');
          for (const p of progress) expect(p.outcome).toBe(outcome);
          // and nothing else
          expect(feedback).toHaveLength(progress.length + outcomes(feedback).length);
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('went through every status, every refusal and every outcome while doing so', () => {
    expect([...seen].sort()).toEqual([...STATUSES, ...CODES, 'arrest noticed', 'detention noticed', 'conviction noticed', 'an outcome without a problem'].sort());
  });
});
