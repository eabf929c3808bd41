import type {
  ClueAccepted,
  ClueMerged,
  ClueProgressed,
  ClueReferred,
  ClueRegistered,
  ClueRejected,
  ClueTownCorrected,
  ClueUnmerged,
  DuplicateDismissed,
  PublicStage,
  RejectionReason,
  ReporterIdentified,
} from '@qingyuan/contracts';
import { DomainError, type Decider } from '@qingyuan/domain';

/**
 * A clue (线索): what someone or something reported. Staff accept it (it opens or joins a problem), reject it,
 * refer it elsewhere, or merge it into another clue (并案); an accepted or merged clue follows its problem.
 */
export type ClueStatus = 'none' | 'received' | 'accepted' | 'rejected' | 'referred' | 'merged';

export interface ClueState {
  status: ClueStatus;
  registered?: ClueRegistered;
  townCode?: string;
  publicStage?: PublicStage;
  problemId?: string;
  mergedInto?: string;
  dismissed: string[];
  /** an anonymous reporter who later identified with the receipt code */
  identified?: boolean;
}

export type ClueEvent =
  | { type: 'ClueRegistered'; data: ClueRegistered }
  | { type: 'ClueAccepted'; data: ClueAccepted }
  | { type: 'ClueRejected'; data: ClueRejected }
  | { type: 'ClueReferred'; data: ClueReferred }
  | { type: 'ClueTownCorrected'; data: ClueTownCorrected }
  | { type: 'ClueMerged'; data: ClueMerged }
  | { type: 'ClueUnmerged'; data: ClueUnmerged }
  | { type: 'DuplicateDismissed'; data: DuplicateDismissed }
  | { type: 'ClueProgressed'; data: ClueProgressed }
  | { type: 'ReporterIdentified'; data: ReporterIdentified };

export type ClueCommand =
  | ({ kind: 'register' } & ClueRegistered)
  | { kind: 'accept'; note?: string; joinProblemId?: string; mergedClueIds: string[] }
  | { kind: 'reject'; reasonCode: RejectionReason; reason: string }
  | { kind: 'refer'; authority: string; note?: string }
  | { kind: 'correct-town'; townCode: string; reason?: string }
  /** `target` is the state of the clue merged into, read by the caller */
  | { kind: 'merge'; intoClueId: string; target: { status: ClueStatus; mergedInto?: string } }
  | { kind: 'unmerge' }
  | { kind: 'dismiss-duplicate'; candidateClueId: string }
  | { kind: 'record-progress'; problemId: string; stage: PublicStage; assignment?: ClueProgressed['assignment']; deadline?: string; sourceEventId: string }
  /** `reporterRef` is the identity just stored in the vault, in the same transaction */
  | { kind: 'identify'; reporterRef: string };

const notFound = () => new DomainError('CLUE_NOT_FOUND', '线索不存在', 'No such clue', 'not-found');
const alreadyDecided = () =>
  new DomainError('CLUE_ALREADY_DECIDED', '该线索已处理（已受理、不予受理、转办或并案）', 'The clue was already accepted, rejected, referred or merged');

/** How far a public stage is along; progress never goes back, except a failed verification (back to rectifying). */
const STAGE_RANK: Record<PublicStage, number> = {
  received: 0,
  rejected: 1,
  referred: 1,
  accepted: 1,
  merged: 1,
  assigned: 2,
  rectifying: 3,
  verifying: 4,
  closed: 5,
};

function undecided(state: ClueState): ClueRegistered {
  if (state.status === 'none') throw notFound();
  if (state.status !== 'received') throw alreadyDecided();
  return state.registered!;
}

export const clueDecider: Decider<ClueState, ClueCommand, ClueEvent> = {
  initialState: () => ({ status: 'none', dismissed: [] }),

  evolve(state, event) {
    switch (event.type) {
      case 'ClueRegistered':
        return { ...state, status: 'received', registered: event.data, townCode: event.data.location.townCode, publicStage: 'received' };
      case 'ClueAccepted':
        return { ...state, status: 'accepted', publicStage: 'accepted', problemId: event.data.joinProblemId ?? state.problemId };
      case 'ClueRejected':
        return { ...state, status: 'rejected', publicStage: 'rejected' };
      case 'ClueReferred':
        return { ...state, status: 'referred', publicStage: 'referred' };
      case 'ClueTownCorrected':
        return { ...state, townCode: event.data.townCode };
      case 'ClueMerged':
        return { ...state, status: 'merged', publicStage: 'merged', mergedInto: event.data.intoClueId };
      case 'ClueUnmerged':
        return { ...state, status: 'received', publicStage: 'received', mergedInto: undefined, problemId: undefined };
      case 'DuplicateDismissed':
        return { ...state, dismissed: [...state.dismissed, event.data.candidateClueId] };
      case 'ClueProgressed':
        return { ...state, problemId: event.data.problemId, publicStage: event.data.stage };
      case 'ReporterIdentified':
        return { ...state, identified: true };
    }
  },

  decide(command, state) {
    switch (command.kind) {
      case 'register': {
        if (state.status !== 'none') throw new DomainError('CLUE_EXISTS', '线索已登记', 'The clue is already registered');
        const { kind: _kind, ...data } = command;
        return [{ type: 'ClueRegistered', data }];
      }
      case 'accept': {
        const clue = undecided(state);
        return [
          {
            type: 'ClueAccepted',
            data: {
              clueId: clue.clueId,
              channel: clue.channel,
              category: clue.category,
              description: clue.description,
              observedAt: clue.observedAt,
              location: { ...clue.location, townCode: state.townCode },
              note: command.note,
              joinProblemId: command.joinProblemId,
              mergedClueIds: command.mergedClueIds.length ? command.mergedClueIds : undefined,
            },
          },
        ];
      }
      case 'reject':
        return [{ type: 'ClueRejected', data: { clueId: undecided(state).clueId, reasonCode: command.reasonCode, reason: command.reason } }];
      case 'refer':
        return [{ type: 'ClueReferred', data: { clueId: undecided(state).clueId, authority: command.authority, note: command.note } }];
      case 'correct-town': {
        if (state.status === 'none') throw notFound();
        if (state.townCode === command.townCode) return [];
        return [
          {
            type: 'ClueTownCorrected',
            data: { clueId: state.registered!.clueId, townCode: command.townCode, previousTownCode: state.townCode, reason: command.reason },
          },
        ];
      }
      case 'merge': {
        const clue = undecided(state);
        if (command.intoClueId === clue.clueId) {
          throw new DomainError('MERGE_INTO_ITSELF', '线索不能与自身并案', 'A clue cannot be merged into itself', 'invalid');
        }
        if (command.target.status === 'none') throw notFound();
        if (command.target.status !== 'received' && command.target.status !== 'accepted') {
          throw new DomainError(
            'MERGE_TARGET_CLOSED',
            '只能并入待受理或已受理的线索',
            'A clue can only be merged into one that is awaiting review or accepted',
          );
        }
        return [{ type: 'ClueMerged', data: { clueId: clue.clueId, intoClueId: command.intoClueId } }];
      }
      case 'unmerge':
        if (state.status === 'none') throw notFound();
        if (state.status !== 'merged') throw new DomainError('CLUE_NOT_MERGED', '该线索未并案', 'The clue is not merged');
        return [{ type: 'ClueUnmerged', data: { clueId: state.registered!.clueId, fromClueId: state.mergedInto! } }];
      case 'dismiss-duplicate':
        if (state.status === 'none') throw notFound();
        if (state.dismissed.includes(command.candidateClueId)) return [];
        return [{ type: 'DuplicateDismissed', data: { clueId: state.registered!.clueId, candidateClueId: command.candidateClueId } }];
      case 'record-progress': {
        if (state.status !== 'accepted' && state.status !== 'merged') return [];
        const { kind: _kind, ...progress } = command;
        const same = state.publicStage === command.stage && state.problemId === command.problemId;
        const backwards = STAGE_RANK[command.stage] < STAGE_RANK[state.publicStage!] && command.stage !== 'rectifying';
        if (same || backwards) return [];
        return [{ type: 'ClueProgressed', data: { clueId: state.registered!.clueId, ...progress } }];
      }
      case 'identify': {
        if (state.status === 'none') throw notFound();
        if (!state.registered!.reporter.anonymous || state.identified) {
          throw new DomainError('REPORTER_ALREADY_IDENTIFIED', '该举报已有实名身份信息', 'This report already has the reporter\'s identity', 'conflict');
        }
        return [{ type: 'ReporterIdentified', data: { clueId: state.registered!.clueId, reporterRef: command.reporterRef } }];
      }
    }
  },
};
