import { streamIds, type TransferProgressed } from '@qingyuan/contracts';
import type { Tx } from '@qingyuan/event-store';
import type { JsonLogger } from '@qingyuan/telemetry';
import { SYSTEM, type ProblemStore } from './problem-store';

type Cause = { eventId: string; correlationId: string };

/** The judicial bridge's feedback on a problem's transfer (行刑衔接), noted on the problem's stream. */
export class JudicialFeedback {
  constructor(
    private readonly problems: ProblemStore,
    private readonly logger: JsonLogger,
  ) {}

  /**
   * Notes the transfer's new status on its problem, whatever the problem's status (also after close-out). A problem
   * cases does not know is logged and skipped: the bridge's event stays in its own log, and throwing would only
   * dead-letter it.
   */
  async note(tx: Tx, progressed: TransferProgressed & { problemId: string }, cause: Cause): Promise<void> {
    const { problemId } = progressed;
    if ((await this.problems.store.streamVersion(streamIds.problem(problemId), tx)) === 0) {
      this.logger.emit('warn', 'transfer progress for an unknown problem; not noted', {
        problemId,
        transferId: progressed.transferId,
        status: progressed.status,
        eventId: cause.eventId,
      });
      return;
    }
    await this.problems.run(
      problemId,
      {
        kind: 'note-judicial-progress',
        transferId: progressed.transferId,
        transferKind: progressed.kind,
        status: progressed.status,
        documentNumber: progressed.documentNumber,
        note: progressed.note,
      },
      SYSTEM,
      { tx, causationId: cause.eventId, correlationId: cause.correlationId },
    );
  }
}
