/** GET /api/enforcement/tasks (an inspector gets their own) and /tasks/:id. */
export interface InspectionTask {
  taskId: string;
  enterpriseId: string;
  enterpriseName: string;
  address: string;
  townCode?: string;
  inspectorIds: string[];
  kind: 'random' | 'targeted';
  drawId?: string;
  trigger?: { problemId?: string; alarmId?: string; note?: string };
  status: 'assigned' | 'done';
  result?: string;
  findings?: string;
  evidence?: string[];
  inspectedOn?: string;
  createdAt: string;
}

export const RESULTS = ['compliant', 'problems', 'violation'] as const;
export type Result = (typeof RESULTS)[number];
