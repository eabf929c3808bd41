import type { Bilingual } from '../../../shared/i18n';
import type { Labelled, Reference } from '../problems/common';

export interface Attachment {
  attachmentId: string;
  kind: 'photo' | 'video';
  mediaType: string;
  size: number;
  sha256: string;
  /** where the photo says it was taken (EXIF) */
  takenAt?: { lat: number; lng: number; at?: string };
}

/** A clue as GET /api/intake/clues and /clues/{id} show it: never the reporter's identity. */
export interface Clue {
  clueId: string;
  channel: Labelled;
  category: Labelled;
  description: string;
  location: { lat?: number; lng?: number; address?: string; townCode?: string };
  town: (Labelled & { source: string; approximate: boolean }) | null;
  observedAt: string | null;
  reporter: { anonymous: boolean; insider: boolean; realName: boolean };
  source: {
    referenceNumber?: string;
    link?: string;
    organisation?: { code: string; name: string; kind: string };
    gridCode?: string;
    originEventId?: string;
    originEventType?: string;
  };
  attachments: Attachment[];
  registeredBy: string | null;
  status: string;
  publicStage: string;
  problemId: string | null;
  mergedInto: string | null;
  rejection: (Bilingual & { code: string; reason: string }) | null;
  referredTo: string | null;
  dismissedDuplicates: string[];
  registeredAt: string;
  updatedAt: string;
  version: number;
  /** how many clues the same phone number sent (detail only, real-name reporters only) */
  reportsBySamePerson?: number;
}

/** A suggested duplicate (并案建议). */
export interface Suggestion {
  clueId: string;
  status: string;
  problemId: string | null;
  description: string;
  category: string;
  townCode: string | null;
  registeredAt: string;
  score: number;
  reasons: { text: number; distanceMetres?: number; address?: number; hoursApart: number; sameCategory?: boolean };
}

export const CLUE_STATUSES = ['received', 'accepted', 'rejected', 'referred', 'merged'] as const;

export const CLUE_STATUS_COLOURS: Record<string, string> = {
  received: 'gold',
  accepted: 'green',
  rejected: 'default',
  referred: 'blue',
  merged: 'purple',
};

/** What the queue hands to the selected clue's pane. */
export interface QueueContext {
  reference?: Reference;
  /** reload the queue after an action */
  refresh(): void;
}
