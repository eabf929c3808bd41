import type { EnforcementEvent } from '@qingyuan/contracts';
import type { Projection, StoredEvent, Tx } from '@qingyuan/event-store';

/** The registry with credit, its history, plans, draws, inspection tasks and penalty cases, kept with each append. */
export const enforcementProjection: Projection = {
  name: 'enforcement',
  tables: ['enforcement.enterprises', 'enforcement.credit_history', 'enforcement.plans', 'enforcement.draws', 'enforcement.tasks', 'enforcement.cases'],

  async apply(tx: Tx, stored: StoredEvent): Promise<void> {
    const event = { type: stored.type, data: stored.data } as EnforcementEvent;
    const at = stored.recordedAt;
    switch (event.type) {
      case 'EnterpriseRegistered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO enforcement.enterprises (enterprise_id, name, uscc, town_code, address, location, industry, permit_class, key_polluter, outlets, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10::jsonb, $11, $12)
           ON CONFLICT (enterprise_id) DO UPDATE SET name = $2, uscc = $3, town_code = $4, address = $5, location = $6::jsonb, industry = $7,
             permit_class = $8, key_polluter = $9, outlets = $10::jsonb, updated_at = $11, version = $12`,
          [d.enterpriseId, d.name, d.uscc, d.townCode ?? null, d.address, d.location ? JSON.stringify(d.location) : null, d.industry, d.permitClass, d.keyPolluter,
            JSON.stringify(d.outlets), at, stored.streamVersion],
        );
        return;
      }
      case 'CreditRated': {
        const d = event.data;
        await tx.query('UPDATE enforcement.enterprises SET credit_level = $2, updated_at = $3 WHERE enterprise_id = $1', [d.enterpriseId, d.level, at]);
        await tx.query(
          `INSERT INTO enforcement.credit_history (event_id, enterprise_id, level, previous_level, rule, reason, rule_version, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [stored.eventId, d.enterpriseId, d.level, d.previousLevel ?? null, d.rule, d.reason, d.ruleVersion, at],
        );
        return;
      }
      case 'SpecialObjectSet':
        await tx.query('UPDATE enforcement.enterprises SET special = $2, special_reason = $3, updated_at = $4 WHERE enterprise_id = $1', [
          event.data.enterpriseId,
          event.data.special,
          event.data.special ? event.data.reason : null,
          at,
        ]);
        return;
      case 'InspectionPlanCreated':
        await tx.query('INSERT INTO enforcement.plans (plan_id, name, period, data, created_at) VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT DO NOTHING', [
          event.data.planId,
          event.data.name,
          event.data.period,
          JSON.stringify(event.data),
          at,
        ]);
        return;
      case 'DrawCommitted':
        await tx.query(
          `INSERT INTO enforcement.draws (draw_id, plan_id, status, seed_hash, committed, committed_at) VALUES ($1, $2, 'committed', $3, $4::jsonb, $5) ON CONFLICT DO NOTHING`,
          [event.data.drawId, event.data.planId, event.data.seedHash, JSON.stringify(event.data), at],
        );
        return;
      case 'DrawPerformed':
        await tx.query(`UPDATE enforcement.draws SET status = 'performed', performed_at = $2, result = $3::jsonb WHERE draw_id = $1`, [event.data.drawId, at, JSON.stringify(event.data)]);
        return;
      case 'InspectionTaskCreated': {
        const d = event.data;
        await tx.query(
          `INSERT INTO enforcement.tasks (task_id, enterprise_id, inspector_ids, kind, draw_id, trigger, status, created_at)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'assigned', $7) ON CONFLICT DO NOTHING`,
          [d.taskId, d.enterpriseId, d.inspectorIds, d.kind, d.drawId ?? null, d.trigger ? JSON.stringify(d.trigger) : null, at],
        );
        return;
      }
      case 'InspectionRecorded': {
        const d = event.data;
        await tx.query(
          `UPDATE enforcement.tasks SET status = 'done', result = $2, findings = $3, evidence = $4::jsonb, inspected_on = $5, recorded_at = $6 WHERE task_id = $1`,
          [d.taskId, d.result, d.findings, JSON.stringify(d.evidence), d.inspectedOn, at],
        );
        return;
      }
      case 'PenaltyCaseOpened': {
        const d = event.data;
        await tx.query(
          `INSERT INTO enforcement.cases (case_id, enterprise_id, task_id, problem_id, status, summary, opened_on, decide_by, updated_at)
           VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [d.caseId, d.enterpriseId, d.taskId ?? null, d.problemId ?? null, d.summary, d.openedOn, d.decideBy, at],
        );
        return;
      }
      case 'MinorViolationChecked': {
        const d = event.data;
        await tx.query(`UPDATE enforcement.cases SET exemption = $2::jsonb, status = CASE WHEN $3 THEN 'exempted' ELSE status END, updated_at = $4 WHERE case_id = $1`, [
          d.caseId,
          JSON.stringify(d),
          d.exempt,
          at,
        ]);
        return;
      }
      case 'PenaltyDecided':
        await tx.query(`UPDATE enforcement.cases SET penalty = $2::jsonb, status = CASE WHEN status = 'transferred' THEN status ELSE 'penalised' END, updated_at = $3 WHERE case_id = $1`, [event.data.caseId, JSON.stringify(event.data), at]);
        return;
      case 'SuspectedCrimeTransferred':
        await tx.query(`UPDATE enforcement.cases SET transfer = $2::jsonb, status = 'transferred', updated_at = $3 WHERE case_id = $1`, [event.data.caseId, JSON.stringify(event.data), at]);
        return;
    }
  },
};
