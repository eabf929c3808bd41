import { CATEGORIES, MACHINE_TOPICS, TOPICS, type ProblemMarkedSuspectedCrime, type SuspectedCrimeTransferred } from '@qingyuan/contracts';
import type { InboxSubscription } from '@qingyuan/service-kit';
import type { Leads } from '../transfers/leads';

/**
 * A problem marked as a suspected crime (cases) or a penalty case transferred as one (enforcement) becomes a lead the
 * transfer officer drafts from. The lead id comes from the problem or the case, so a redelivery adds nothing.
 */
export function leadsConsumer(leads: Leads): InboxSubscription {
  return {
    group: 'judicial.leads',
    topics: [TOPICS.cases, MACHINE_TOPICS.enforcement],
    async handle(tx, event) {
      const at = new Date(event.time);
      if (event.type === 'ProblemMarkedSuspectedCrime') {
        const d = event.data as ProblemMarkedSuspectedCrime;
        await leads.record(
          tx,
          {
            leadId: `problem:${d.problemId}`,
            source: 'cases',
            problemId: d.problemId,
            title: `${d.number} ${CATEGORIES[d.category]?.zh ?? ''}问题涉嫌环境犯罪`.trim(),
            basis: d.basis,
            criteria: d.criteria,
            ...(d.townCode ? { townCode: d.townCode } : {}),
          },
          at,
        );
      } else if (event.type === 'SuspectedCrimeTransferred') {
        const d = event.data as SuspectedCrimeTransferred;
        await leads.record(
          tx,
          {
            leadId: `penalty-case:${d.caseId}`,
            source: 'enforcement',
            enforcementCaseId: d.caseId,
            enterpriseId: d.enterpriseId,
            ...(d.problemId ? { problemId: d.problemId } : {}),
            title: '行政处罚案件涉嫌犯罪移送',
            basis: d.reason,
            criteria: [],
          },
          at,
        );
      }
    },
  };
}
