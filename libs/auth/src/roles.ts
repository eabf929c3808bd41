/** Staff roles. What each may do is checked where it acts; town and department scope narrows what they see. */
export const ROLES = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  analyst: { zh: '分局研判人员', en: 'Bureau analyst' },
  'hotline-staff': { zh: '热线/信访登记员', en: 'Hotline and petition staff' },
  'town-officer': { zh: '镇街办理人员', en: 'Town officer' },
  'department-officer': { zh: '部门办理人员', en: 'Department officer' },
  verifier: { zh: '核查验收人员', en: 'Verifier' },
  'grid-worker': { zh: '网格员', en: 'Grid worker' },
  auditor: { zh: '审计人员', en: 'Auditor' },
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as Role[];

/** A signed-in staff member as every service sees them. */
export interface Principal {
  userId: string;
  name: string;
  roles: Role[];
  /** town codes the user may see; empty = the whole city */
  towns: string[];
  /** department codes the user may see; empty = every department */
  departments: string[];
}
