import { randomBytes, randomUUID } from 'node:crypto';
import { signToken, type Principal, type Role } from '@qingyuan/auth';
import {
  MACHINE_TOPICS,
  TOPICS,
  newReceiptCode,
  receiptCodeHash,
  uuidv7,
  type ClueRegistered,
  type ProblemClosed,
  type ReporterIdentityDisclosed,
  type VerifiedViolation,
} from '@qingyuan/contracts';
import { InProcessEventBus, toEnvelope, type EventEnvelope } from '@qingyuan/messaging';
import type { RunningService } from '@qingyuan/service-kit';
import { setLogSink, type LogRecord } from '@qingyuan/telemetry';
import { createTestDatabase, eventually, type TestDatabase } from '@qingyuan/testing';
import { Client } from 'pg';
import { startRewardsService } from '../rewards.service';
import { ClueFactsStore } from '../rewards/clue-facts';
import { rewardIdForProblem, RewardWorkflow } from '../rewards/reward-workflow';
import { RuleBook } from '../rewards/rule-book';

export interface StaffMember {
  userId: string;
  token: string;
}

/**
 * Rewards alone on a fresh database, with the in-process bus: the test plays intake and cases by publishing their
 * events, and moves the clock.
 */
export class RewardsUnderTest {
  now = new Date('2026-12-01T02:00:00Z');
  service!: RunningService;
  readonly published: EventEnvelope[] = [];
  readonly logs: LogRecord[] = [];
  private readonly bus = new InProcessEventBus({ attempts: 2, initialDelayMs: 5, maxDelayMs: 10 });
  private readonly secret = randomBytes(32).toString('base64url');
  private pg!: Client;
  private restoreSink!: ReturnType<typeof setLogSink>;
  private position = 0n;

  private constructor(readonly database: TestDatabase) {}

  static async start(label: string): Promise<RewardsUnderTest> {
    const t = new RewardsUnderTest(await createTestDatabase(label));
    t.restoreSink = setLogSink((record) => t.logs.push(record));
    await t.bus.subscribe({ group: 'test-observer', topics: [TOPICS.rewards], handle: async (e) => void t.published.push(e) });
    t.pg = new Client({ connectionString: t.database.url });
    await t.pg.connect();
    t.service = await startRewardsService({
      databaseUrl: t.database.url,
      bus: t.bus,
      authSecret: t.secret,
      port: 0,
      host: '127.0.0.1',
      clock: () => t.now,
      expiryIntervalMs: 3_600_000,
    });
    return t;
  }

  get url(): string {
    return this.service.url;
  }

  async stop(): Promise<void> {
    await this.service.stop();
    await this.bus.close();
    await this.service.close();
    await this.pg.end();
    await this.database.drop();
    setLogSink(this.restoreSink);
  }

  staff(roles: Role[], scope: Partial<Principal> = {}): StaffMember {
    const userId = randomUUID();
    return { userId, token: signToken({ userId, name: `测试${roles.join('+')}`, roles, towns: [], departments: [], ...scope }, this.secret, 3600) };
  }

  async sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pg.query(text, params)).rows;
  }

  async call(method: string, path: string, who?: StaffMember | string, body?: unknown): Promise<{ status: number; body: any }> {
    const token = typeof who === 'string' ? who : who?.token;
    const answer = await fetch(new URL(path, this.url), {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const type = answer.headers.get('content-type') ?? '';
    return { status: answer.status, body: type.includes('json') ? await answer.json() : await answer.text() };
  }

  /** Publish another service's event, as its relay would. */
  async publish(topic: string, streamId: string, type: string, data: unknown, at = this.now): Promise<string> {
    const eventId = uuidv7();
    this.position += 1n;
    const event = toEnvelope(
      {
        eventId, streamId, streamVersion: 1, schemaVersion: 1, globalPosition: this.position, type, data, recordedAt: at.toISOString(), hash: Buffer.alloc(32),
        metadata: { actor: { kind: 'system', id: 'test' }, correlationId: randomUUID(), occurredAt: at.toISOString() },
      },
      '/qingyuan/test',
    );
    await this.bus.publish(topic, [event]);
    return eventId;
  }

  /** A clue as intake registers it; returns its id and receipt code. */
  async registerClue(options: { anonymous?: boolean; channel?: ClueRegistered['channel']; at?: Date; bountyId?: string; organisationKind?: 'environmental-steward' } = {}) {
    const clueId = uuidv7();
    const receiptCode = newReceiptCode();
    const data: ClueRegistered = {
      clueId,
      channel: options.channel ?? 'public-web',
      category: 'water',
      description: '排口夜间排放黑水',
      location: { address: '稠城街道', townCode: '330782001' },
      reporter: { anonymous: options.anonymous ?? false, ref: options.anonymous ? undefined : randomUUID(), insider: false },
      source: options.bountyId || options.organisationKind
        ? { bountyId: options.bountyId, organisation: options.organisationKind ? { code: 'org1', name: '某环保管家', kind: options.organisationKind } : undefined }
        : undefined,
      receiptCodeHash: receiptCodeHash(receiptCode),
    };
    await this.publish(TOPICS.intake, `clue-${clueId}`, 'ClueRegistered', data, options.at);
    await eventually(async () => (await this.sql('SELECT 1 FROM rewards.clue_facts WHERE clue_id = $1', [clueId])).length > 0, { what: 'the clue facts' });
    return { clueId, receiptCode };
  }

  async identify(clueId: string): Promise<void> {
    await this.publish(TOPICS.intake, `clue-${clueId}`, 'ReporterIdentified', { clueId, reporterRef: randomUUID() });
    await eventually(async () => (await this.sql<{ identifiable: boolean }>('SELECT identifiable FROM rewards.clue_facts WHERE clue_id = $1', [clueId]))[0]?.identifiable, {
      what: 'the identification',
    });
  }

  /** Cases closes a problem fed by these clues; returns the reward case id it opens (if the violation qualifies). */
  async closeProblem(clueIds: string[], violation: VerifiedViolation = { confirmed: true, kinds: ['evading-supervision'] }, townCode = '330782001', problemId = uuidv7()) {
    const data: ProblemClosed = {
      problemId, clueIds, closedOn: '2026-11-30', onTime: true, handlingWorkingDays: 12, violation, number: `YW-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, category: 'water', townCode,
    };
    await this.publish(TOPICS.cases, `problem-${problemId}`, 'ProblemClosed', data);
    return { problemId, rewardId: rewardIdForProblem(problemId) };
  }

  async rewardOpened(rewardId: string): Promise<void> {
    await eventually(async () => (await this.sql(`SELECT 1 FROM rewards.reward_view WHERE reward_id = $1 AND detail->'evaluation' IS NOT NULL`, [rewardId])).length > 0, {
      what: 'the reward case',
    });
  }

  async penaltyFromEnforcement(problemId: string, fineFen: number, decisionNumber = '义环罚〔2026〕88号'): Promise<string> {
    return this.publish(MACHINE_TOPICS.enforcement, `case-${problemId}`, 'PenaltyDecided', { problemId, decisionNumber, fineFen, decidedOn: '2026-11-28' });
  }

  async outcomeFromJudicial(problemId: string, outcome: 'detention' | 'arrest' | 'conviction'): Promise<string> {
    return this.publish(MACHINE_TOPICS.judicial, `transfer-${problemId}`, 'SuspectOutcomeRecorded', { problemId, outcome, documentNumber: `${outcome}-文书-1`, date: '2026-12-01' });
  }

  /** Intake reports that an identity was read with a second approver. */
  async disclose(d: Omit<ReporterIdentityDisclosed, 'purpose' | 'approvedBy'>): Promise<void> {
    await this.publish(TOPICS.intake, `privacy-${randomUUID()}`, 'ReporterIdentityDisclosed', { ...d, purpose: '奖励发放核实身份', approvedBy: randomUUID() });
    await eventually(async () => (await this.sql('SELECT 1 FROM rewards.disclosures WHERE request_id = $1', [d.requestId])).length > 0, { what: 'the disclosure' });
  }

  /** What the claim-expiry timer does on its tick. */
  expireDue(): Promise<number> {
    const store = this.service.store!;
    return new RewardWorkflow(store, new ClueFactsStore(), new RuleBook(store.db), () => this.now).expireDue();
  }

  async eventCount(): Promise<number> {
    return (await this.sql<{ n: number }>('SELECT count(*)::int AS n FROM rewards.events'))[0].n;
  }
}
