/**
 * The conduct that qualifies a report for a reward under 浙环发〔2020〕15号 (seven categories; wording [P] in
 * docs/reference — the list is configuration in the rewards rule table, this is the vocabulary).
 */
export const VIOLATION_KINDS = {
  'evading-supervision': { zh: '以逃避监管方式排放污染物（偷排漏排、暗管等）', en: 'Discharging while evading supervision (secret or leaking discharges, hidden pipes)' },
  'falsifying-monitoring': { zh: '篡改、伪造监测数据或干扰在线监控', en: 'Tampering with or forging monitoring data' },
  'toxic-land-disposal': { zh: '用超标固废、污染土壤等造地或向农田排放', en: 'Using contaminated waste or soil for land reclamation or dumping it on farmland' },
  'illegal-waste-disposal': { zh: '非法排放、倾倒、处置工业固废、医疗废物、危险废物', en: 'Illegal discharge, dumping or disposal of industrial, medical or hazardous waste' },
  'drinking-water-outfall': { zh: '在饮用水水源一级保护区设置排污口', en: 'An outfall in a level-1 drinking-water source protection zone' },
  'orphan-radioactive': { zh: '无主放射源或放射性废物线索', en: 'Clues to orphan radioactive sources or waste' },
  'other-egregious': { zh: '其他恶劣、隐蔽的环境违法行为', en: 'Other egregious, hard-to-detect violations' },
} as const;
export type ViolationKind = keyof typeof VIOLATION_KINDS;
export const VIOLATION_KIND_CODES = Object.keys(VIOLATION_KINDS) as ViolationKind[];

/** What the bureau established when it closed a problem out: was there a violation, of which kinds. */
export interface VerifiedViolation {
  confirmed: boolean;
  kinds: ViolationKind[];
}
