import { MACHINE_TOPICS, type TransferProgressed } from '@qingyuan/contracts';
import type { InboxSubscription } from '@qingyuan/service-kit';
import type { JudicialFeedback } from '../problems/judicial-feedback';

/** 行刑衔接反馈: every change of a transfer's status that names a problem is noted on that problem. */
export function judicialProgressConsumer(feedback: JudicialFeedback): InboxSubscription {
  return {
    group: 'cases.judicial-progress',
    topics: [MACHINE_TOPICS.judicial],
    async handle(tx, event) {
      if (event.type !== 'TransferProgressed') return;
      const progressed = event.data as TransferProgressed;
      const problemId = progressed.problemId;
      if (!problemId) return; // a transfer from a penalty case or drafted by hand: no problem to note it on
      await feedback.note(tx, { ...progressed, problemId }, { eventId: event.id, correlationId: event.correlationid });
    },
  };
}
