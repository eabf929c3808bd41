import type { AlarmKind } from '@qingyuan/contracts';
import { DEFAULT_ALARM_RULES } from '../domain/alarm-rules';
import type { AlarmDecision } from '../domain/decide';
import { DeviceDirectory } from '../registry/device-directory';
import { MonitoringUnderTest, waterDevice } from '../testing/harness';
import { AlarmBook } from './alarm-book';

const MN = '33078200000000000000301';
const RULES = { version: 1, rules: DEFAULT_ALARM_RULES };

const opening = (kind: AlarmKind, value: number): AlarmDecision => ({
  action: 'open',
  key: kind,
  condition: {
    kind, factor: 'w01018', present: true, tier: 'yellow', summary: `${kind} ${value}`, dataTime: new Date('2027-01-10T01:00:00Z'),
    evidence: { factor: 'w01018', values: [{ dataTime: '2027-01-10T01:00:00.000Z', value, flag: 'N' }], frameReceivedAt: '2027-01-10T01:00:01.000Z' },
  },
});

// A batch's alarm decisions go under one savepoint; when another writer opened one of them first, the batch is
// retried decision by decision and the others still stand.
describe('AlarmBook: the decisions of a batch', () => {
  let t: MonitoringUnderTest;
  let book: AlarmBook;
  let directory: DeviceDirectory;

  beforeAll(async () => {
    t = await MonitoringUnderTest.start('monitoring_alarm_book');
    await t.registerEnterprise();
    await t.registerDevice(waterDevice(MN));
    book = new AlarmBook(t.service.store!);
    directory = new DeviceDirectory(t.service.store!.db);
    await directory.refresh();
  });

  afterAll(async () => {
    await t?.stop();
  });

  // (the offline sweep may open an alarm of its own for the silent device: factor-less, left out here)
  const openKinds = async () => (await t.sql<{ kind: string }>(`SELECT kind FROM monitoring.alarms WHERE mn = $1 AND factor = 'w01018' AND status = 'open' ORDER BY kind`, [MN])).map((r) => r.kind);

  it('writes all of them at once when nothing conflicts', async () => {
    const device = directory.get(MN)!;
    const written = await t.service.store!.db.transaction((tx) => book.applyAll(tx, [{ device, decision: opening('negative', -1) }, { device, decision: opening('zero', 0) }], RULES));
    expect(written).toBe(2);
    expect(await openKinds()).toEqual(['negative', 'zero']);
  });

  it('keeps the decisions that do not conflict when one alarm was opened by another writer first', async () => {
    const device = directory.get(MN)!;
    const written = await t.service.store!.db.transaction((tx) =>
      book.applyAll(tx, [{ device, decision: opening('out-of-range', 9999) }, { device, decision: opening('negative', -2) }, { device, decision: opening('constant', 5) }], RULES),
    );
    expect(written).toBe(2);
    expect(await openKinds()).toEqual(['constant', 'negative', 'out-of-range', 'zero']);
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM monitoring.alarms WHERE mn = $1 AND kind = 'negative'`, [MN]);
    expect(n).toBe(1);
    const [{ streams }] = await t.sql<{ streams: number }>(`SELECT count(DISTINCT stream_id)::int AS streams FROM monitoring.events WHERE event_type = 'AlarmOpened' AND data->>'factor' = 'w01018'`);
    expect(streams).toBe(4);
  });
});
