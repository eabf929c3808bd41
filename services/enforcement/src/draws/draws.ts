import { randomBytes } from 'node:crypto';
import { nameUuid, streamIds, uuidv7, type DrawCommitted, type DrawPerformed, type InspectionPlanCreated } from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import { DomainError } from '@qingyuan/domain';
import type { PgEventStore, Sql, Tx } from '@qingyuan/event-store';
import { actorOf, eventMetadata, httpError } from '@qingyuan/service-kit';
import { drawInputHashes, type DrawCandidate, type DrawInputs, type DrawInspector } from '../domain/draw-inputs';
import { performDraw, seedCommitment, verifyDraw, type DrawVerification } from '../domain/draw';
import { ratioProblems, type InspectionRatios } from '../domain/supervision';
import type { Inspections } from '../inspections/inspections';
import type { InspectorPool } from '../registry/inspector-pool';
import type { RegistryQueries } from '../registry/registry.queries';
import type { RuleVersions } from '../settings/rule-versions';

export interface PlanInput {
  name: string;
  period: string;
  items: string[];
  ratios?: InspectionRatios;
  inspectorsPerTask?: number;
  maxTasksPerInspector?: number;
  recusal?: { sameTown: boolean; formerEmployer: boolean };
}

/** Recusal beyond declared conflicts, by default [U]: former employers always; same town off (Yiwu's towns are small). */
export const DEFAULT_RECUSAL = { sameTown: false, formerEmployer: true };

/** A draw's complete record: what anyone needs to check it (docs/integrators/draw-algorithm.md). */
export interface DrawRecord {
  inputs: DrawInputs;
  seed: string;
  committed: DrawCommitted;
  performed: DrawPerformed;
}

/** Enterprises without a town in the registry are drawn with this town code; same-town recusal cannot apply to them. */
export const NO_TOWN = '-';

/**
 * 双随机: plans, then a draw in two steps. Commit freezes the object list and the inspector pool, picks a secret seed
 * and publishes the hashes; perform reveals the seed, draws, and creates the inspection tasks in the same transaction.
 */
export class Draws {
  constructor(
    private readonly store: PgEventStore,
    private readonly registry: RegistryQueries,
    private readonly pool: InspectorPool,
    private readonly rules: RuleVersions,
    private readonly inspections: Inspections,
  ) {}

  async createPlan(p: Principal, input: PlanInput): Promise<InspectionPlanCreated> {
    const supervision = await this.rules.current('supervision');
    const levels = (await this.rules.current('credit')).rules.levels.map((l) => l.code);
    const ratios = input.ratios ?? supervision.rules.ratios;
    const problems = ratioProblems(ratios, levels);
    const inspectorsPerTask = input.inspectorsPerTask ?? 2;
    if (!Number.isInteger(inspectorsPerTask) || inspectorsPerTask < 2) {
      problems.push({ field: 'inspectorsPerTask', zh: '每项检查至少两名执法人员', en: 'must be a whole number of at least 2' });
    }
    if (problems.length) {
      throw httpError(400, 'VALIDATION_FAILED', '抽查计划有误，未保存', 'The plan has errors; nothing was saved', {
        errors: problems.map((x) => ({ field: x.field, zh: `${x.field}：${x.zh}`, en: `${x.field} ${x.en}` })),
      });
    }
    const plan: InspectionPlanCreated = {
      planId: uuidv7(),
      name: input.name.trim(),
      period: input.period.trim(),
      ratios,
      inspectorsPerTask,
      ...(input.maxTasksPerInspector ? { maxTasksPerInspector: input.maxTasksPerInspector } : {}),
      recusal: input.recusal ?? DEFAULT_RECUSAL,
      supervisionVersion: supervision.version,
      items: input.items.map((i) => i.trim()).filter(Boolean),
    };
    await this.store.append(streamIds.plan(plan.planId), 'no-stream', [{ type: 'InspectionPlanCreated', data: plan }], eventMetadata(actorOf(p)));
    return plan;
  }

  /** Freezes the inputs and commits to a secret seed; one draw per plan. */
  async commit(p: Principal, planId: string): Promise<DrawCommitted> {
    return this.store.db.transaction(async (tx) => {
      const plan = await planOf(tx, planId);
      // one draw per plan: serialised on the plan's row
      const { rows: taken } = await tx.query('SELECT draw_id FROM enforcement.draws WHERE plan_id = $1', [planId]);
      if (taken.length) throw new DomainError('DRAW_EXISTS', '该计划已有抽取', 'This plan already has a draw', 'conflict');
      const candidates: DrawCandidate[] = (await this.registry.list({}, tx))
        .filter((e) => e.creditLevel)
        .map((e) => ({ enterpriseId: e.enterpriseId, objectClass: e.objectClass, creditLevel: e.creditLevel!, townCode: e.townCode ?? NO_TOWN }));
      const pool: DrawInspector[] = (await this.pool.list(true, tx)).map(({ inspectorId, townCode, formerEmployers, declaredConflicts }) => ({
        inspectorId,
        ...(townCode ? { townCode } : {}),
        formerEmployers,
        declaredConflicts,
      }));
      const previousInspectors = await this.previousInspectors(tx);
      const inputs = inputsOf(plan, candidates, pool, previousInspectors);
      const seed = randomBytes(32).toString('hex');
      const committed: DrawCommitted = {
        drawId: uuidv7(),
        planId,
        period: plan.period,
        seedHash: seedCommitment(seed),
        ...drawInputHashes(inputs),
        candidateCount: candidates.length,
        poolSize: pool.length,
      };
      await tx.query('INSERT INTO enforcement.draw_inputs (draw_id, seed, candidates, pool, previous_inspectors) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb)', [
        committed.drawId,
        seed,
        JSON.stringify(candidates),
        JSON.stringify(pool),
        JSON.stringify(previousInspectors),
      ]);
      await this.store.appendIn(tx, streamIds.draw(committed.drawId), 'no-stream', [{ type: 'DrawCommitted', data: committed }], eventMetadata(actorOf(p)));
      return committed;
    });
  }

  /** Reveals the seed, draws, and creates one inspection task per selected enterprise. */
  async perform(p: Principal, drawId: string): Promise<DrawPerformed> {
    return this.store.db.transaction(async (tx) => {
      const history = await this.store.readStream(streamIds.draw(drawId), tx);
      const committed = history.find((e) => e.type === 'DrawCommitted')?.data as DrawCommitted | undefined;
      if (!committed) throw new DomainError('DRAW_NOT_FOUND', '抽取不存在', 'No such draw', 'not-found');
      if (history.some((e) => e.type === 'DrawPerformed')) throw new DomainError('DRAW_PERFORMED', '该抽取已完成', 'This draw has already been performed', 'conflict');
      const { inputs, seed } = await frozen(tx, drawId, committed.planId);
      const result = performDraw(inputs, seed, committed.seedHash);
      const performed: DrawPerformed = { drawId, ...result, seed };
      const metadata = eventMetadata(actorOf(p));
      // expected version 1: a second perform racing this one gets a conflict, not a second set of tasks
      await this.store.appendIn(tx, streamIds.draw(drawId), 1, [{ type: 'DrawPerformed', data: performed }], metadata);
      for (const s of result.selections) {
        await this.inspections.create(tx, { taskId: nameUuid('draw-task', `${drawId}/${s.enterpriseId}`), enterpriseId: s.enterpriseId, inspectorIds: s.inspectorIds, kind: 'random', drawId }, metadata);
      }
      return performed;
    });
  }

  /** Everything needed to check a performed draw independently: inputs, revealed seed, the commitment and the result. */
  record(drawId: string): Promise<DrawRecord> {
    return readDrawRecord(this.store, drawId);
  }

  /** Recomputes the draw from the stored inputs and compares it, and the input hashes committed beforehand, byte for byte. */
  async verify(drawId: string): Promise<DrawVerification & { drawId: string }> {
    return { drawId, ...verifyRecord(await this.record(drawId)) };
  }

  /** The inspectors of each enterprise's latest inspection task: not sent there again in the next draw. */
  private async previousInspectors(tx: Tx): Promise<Record<string, string[]>> {
    const { rows } = await tx.query<{ enterprise_id: string; inspector_ids: string[] }>(
      'SELECT DISTINCT ON (enterprise_id) enterprise_id, inspector_ids FROM enforcement.tasks ORDER BY enterprise_id, created_at DESC, task_id DESC',
    );
    return Object.fromEntries(rows.map((r) => [r.enterprise_id, r.inspector_ids]));
  }
}

/**
 * Checks a draw record on its own (the CLI does this with a downloaded file too): the inputs must hash to what was
 * committed before the draw, and recomputing must give the published result.
 */
export function verifyRecord(record: DrawRecord): DrawVerification {
  const result = verifyDraw(record.inputs, record.seed, record.performed);
  const hashes = drawInputHashes(record.inputs);
  const committedMismatches = (['candidatesHash', 'poolHash', 'planHash'] as const).filter((k) => hashes[k] !== record.committed[k]);
  const seedMismatch = seedCommitment(record.seed) !== record.committed.seedHash ? (['seedHash'] as const) : [];
  const mismatches = [...new Set([...result.mismatches, ...committedMismatches, ...seedMismatch])];
  return { ok: mismatches.length === 0, mismatches };
}

/** A performed draw's record as stored: the events on its stream and its frozen inputs. */
export async function readDrawRecord(store: PgEventStore, drawId: string): Promise<DrawRecord> {
  const history = await store.readStream(streamIds.draw(drawId));
  const committed = history.find((e) => e.type === 'DrawCommitted')?.data as DrawCommitted | undefined;
  const performed = history.find((e) => e.type === 'DrawPerformed')?.data as DrawPerformed | undefined;
  if (!committed) throw new DomainError('DRAW_NOT_FOUND', '抽取不存在', 'No such draw', 'not-found');
  if (!performed) throw new DomainError('DRAW_NOT_PERFORMED', '抽取尚未进行，种子未公开', 'The draw has not been performed; its seed is still secret', 'conflict');
  const { inputs, seed } = await frozen(store.db, drawId, committed.planId);
  return { inputs, seed, committed, performed };
}

function inputsOf(plan: InspectionPlanCreated, candidates: DrawCandidate[], pool: DrawInspector[], previousInspectors: Record<string, string[]>): DrawInputs {
  return {
    plan: {
      planId: plan.planId,
      period: plan.period,
      ratios: plan.ratios,
      inspectorsPerTask: plan.inspectorsPerTask,
      ...(plan.maxTasksPerInspector ? { maxTasksPerInspector: plan.maxTasksPerInspector } : {}),
    },
    candidates,
    pool,
    recusal: plan.recusal,
    previousInspectors,
  };
}

async function frozen(sql: Sql, drawId: string, planId: string): Promise<{ inputs: DrawInputs; seed: string }> {
  const { rows } = await sql.query<{ seed: string; candidates: DrawCandidate[]; pool: DrawInspector[]; previous_inspectors: Record<string, string[]> }>(
    'SELECT seed, candidates, pool, previous_inspectors FROM enforcement.draw_inputs WHERE draw_id = $1',
    [drawId],
  );
  if (!rows[0]) throw new DomainError('DRAW_INPUTS_MISSING', '抽取的输入数据缺失', 'The draw inputs are missing', 'not-found');
  return { inputs: inputsOf(await planOf(sql, planId), rows[0].candidates, rows[0].pool, rows[0].previous_inspectors), seed: rows[0].seed };
}

async function planOf(sql: Sql, planId: string): Promise<InspectionPlanCreated> {
  const { rows } = await sql.query<{ data: InspectionPlanCreated }>('SELECT data FROM enforcement.plans WHERE plan_id = $1', [planId]);
  if (!rows[0]) throw new DomainError('PLAN_NOT_FOUND', '抽查计划不存在', 'No such inspection plan', 'not-found');
  return rows[0].data;
}
