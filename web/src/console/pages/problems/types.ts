import type { Labelled } from './common';

/** A problem as GET /api/cases/problems and /problems/{id} show it. */
export interface Problem {
  problemId: string;
  number: string;
  clueIds: string[];
  channel: Labelled | null;
  category: Labelled | null;
  description: string;
  location: { lat?: number; lng?: number; address?: string; townCode?: string };
  town: Labelled | null;
  leadDepartment: Labelled | null;
  cooperatingDepartments: Labelled[];
  responsiblePerson: { name: string; phone?: string } | null;
  measures: string | null;
  requirements: string | null;
  severity: Labelled | null;
  crossTown: boolean;
  crossDepartment: boolean;
  timeLimit: { workingDays?: number; date?: string } | null;
  status: Labelled;
  openedOn: string;
  signedOn: string | null;
  deadline: string | null;
  requestedDeadline: string | null;
  returnedReason: string | null;
  overdue: boolean;
  warned: boolean;
  supervision: Labelled | null;
  escalatedToCity: boolean;
  suspectedCrime: boolean;
  reopenedFrom: string | null;
  recurredAs: string | null;
  /** 行刑衔接: the latest status of a transfer of this problem, as the judicial bridge reported it */
  judicialStatus: Labelled | null;
  closedOn: string | null;
  onTime: boolean | null;
  handlingWorkingDays: number | null;
  updatedAt: string;
  version: number;
}

export interface ProblemList {
  items: Problem[];
  total: number;
  more: boolean;
}

export interface TimelineEvent {
  version: number;
  type: string;
  zh: string;
  en: string;
  recordedAt: string;
  occurredAt?: string;
  actor: { kind: 'user' | 'system' | 'public' | string; id?: string; name?: string };
  data: Record<string, any>;
}

export interface Timeline {
  problemId: string;
  number: string;
  clueIds: string[];
  reopenedFrom: string | null;
  recurredAs: string | null;
  events: TimelineEvent[];
}

export const STATUSES = ['open', 'assigned', 'returned', 'rectifying', 'verifying', 'closed'] as const;

export const STATUS_COLOURS: Record<string, string> = {
  open: 'gold',
  assigned: 'blue',
  returned: 'orange',
  rectifying: 'processing',
  verifying: 'purple',
  closed: 'green',
};
