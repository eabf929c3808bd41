import type { OrganisationKind } from '@qingyuan/contracts';

/** Staff roles. What each may do is checked where it acts; town and department scope narrows what they see. */
export const ROLES = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  analyst: { zh: '分局研判人员', en: 'Bureau analyst' },
  'hotline-staff': { zh: '热线/信访登记员', en: 'Hotline and petition staff' },
  'town-officer': { zh: '镇街办理人员', en: 'Town officer' },
  'department-officer': { zh: '部门联络员', en: 'Department liaison' },
  verifier: { zh: '核查验收人员', en: 'Verifier' },
  leader: { zh: '领导（只读总览）', en: 'Leader (read-only overview)' },
  'grid-worker': { zh: '网格员', en: 'Grid worker' },
  'river-chief': { zh: '河长', en: 'River chief' },
  organisation: { zh: '社会组织/环保管家账号', en: 'Organisation account' },
  'identity-officer': { zh: '举报人信息查阅（专岗）', en: 'Reporter identity officer' },
  'reward-officer': { zh: '举报奖励专岗', en: 'Reward officer' },
  'reward-approver': { zh: '分局奖励审批', en: 'Reward approver (bureau)' },
  finance: { zh: '财务', en: 'Finance' },
  'city-approver': { zh: '市政府审批', en: 'City government approver' },
  'enforcement-officer': { zh: '执法管理（名录、计划、抽取、处罚）', en: 'Enforcement officer (registry, plans, draws, penalties)' },
  inspector: { zh: '执法检查人员', en: 'Inspector' },
  'judicial-officer': { zh: '行刑衔接专员（起草、移送、复议）', en: 'Transfer officer (drafts, sends, asks reconsideration)' },
  'bureau-head': { zh: '分局负责人（批准移送）', en: 'Bureau head (approves transfers)' },
  'police-liaison': { zh: '公安机关联络员', en: 'Police liaison' },
  'procuratorate-liaison': { zh: '检察机关联络员', en: 'Procuratorate liaison' },
  'court-liaison': { zh: '审判机关联络员', en: 'Court liaison' },
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
  /** the organisation an organisation account speaks for (社会组织、环保管家、行业协会、技术服务机构) */
  organisation?: { code: string; name: string; kind: OrganisationKind };
}
