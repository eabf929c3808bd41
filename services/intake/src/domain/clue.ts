import type {
  Category,
  Channel,
  ClueAccepted,
  ClueProgressed,
  ClueRegistered,
  ClueRejected,
  Location,
  PublicStage,
  ReporterRef,
} from '@qingyuan/contracts';
import { DomainError, type Decider } from '@qingyuan/domain';

/** A clue (线索): what someone or something reported. It is accepted or rejected, then follows its problem. */
export type ClueStatus = 'none' | 'received' | 'accepted' | 'rejected';

export interface ClueState {
  status: ClueStatus;
  clueId?: string;
  channel?: Channel;
  category?: Category;
  description?: string;
  observedAt?: string;
  location?: Location;
  publicStage?: PublicStage;
  problemId?: string;
}

export type ClueEvent =
  | { type: 'ClueRegistered'; data: ClueRegistered }
  | { type: 'ClueAccepted'; data: ClueAccepted }
  | { type: 'ClueRejected'; data: ClueRejected }
  | { type: 'ClueProgressed'; data: ClueProgressed };

export type ClueCommand =
  | {
      kind: 'register';
      clueId: string;
      channel: Channel;
      category: Category;
      description: string;
      observedAt?: string;
      location: Location;
      reporter: ReporterRef;
      receiptCodeHash: string;
    }
  | { kind: 'accept'; note?: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'record-progress'; problemId: string; stage: PublicStage; assignment?: ClueProgressed['assignment']; sourceEventId: string };

const notFound = () => new DomainError('CLUE_NOT_FOUND', '线索不存在', 'No such clue', 'not-found');

/** Public stages only move forward, except that a failed verification sends a problem back to rectifying. */
const STAGE_ORDER: PublicStage[] = ['received', 'accepted', 'assigned', 'rectifying', 'verifying', 'closed'];

export const clueDecider: Decider<ClueState, ClueCommand, ClueEvent> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    switch (event.type) {
      case 'ClueRegistered':
        return { ...event.data, status: 'received', publicStage: 'received' };
      case 'ClueAccepted':
        return { ...state, status: 'accepted', publicStage: 'accepted', category: event.data.category };
      case 'ClueRejected':
        return { ...state, status: 'rejected', publicStage: 'rejected' };
      case 'ClueProgressed':
        return { ...state, problemId: event.data.problemId, publicStage: event.data.stage };
    }
  },

  decide(command, state) {
    switch (command.kind) {
      case 'register': {
        if (state.status !== 'none') {
          throw new DomainError('CLUE_EXISTS', '线索已登记', 'The clue is already registered');
        }
        const { kind: _kind, ...data } = command;
        return [{ type: 'ClueRegistered', data }];
      }
      case 'accept':
        if (state.status === 'none') throw notFound();
        if (state.status !== 'received') {
          throw new DomainError('CLUE_ALREADY_DECIDED', '该线索已处理（已受理或不予受理）', 'The clue was already accepted or rejected');
        }
        return [
          {
            type: 'ClueAccepted',
            data: {
              clueId: state.clueId!,
              channel: state.channel!,
              category: state.category!,
              description: state.description!,
              observedAt: state.observedAt,
              location: state.location!,
              note: command.note,
            },
          },
        ];
      case 'reject':
        if (state.status === 'none') throw notFound();
        if (state.status !== 'received') {
          throw new DomainError('CLUE_ALREADY_DECIDED', '该线索已处理（已受理或不予受理）', 'The clue was already accepted or rejected');
        }
        return [{ type: 'ClueRejected', data: { clueId: state.clueId!, reason: command.reason } }];
      case 'record-progress': {
        if (state.status !== 'accepted') return [];
        const { kind: _kind, ...progress } = command;
        const same = state.publicStage === command.stage && state.problemId === command.problemId;
        const backwards = STAGE_ORDER.indexOf(command.stage) < STAGE_ORDER.indexOf(state.publicStage!) && command.stage !== 'rectifying';
        if (same || backwards) return [];
        return [{ type: 'ClueProgressed', data: { clueId: state.clueId!, ...progress } }];
      }
    }
  },
};
