/**
 * 统一社会信用代码 (GB 32100-2015), 18 characters:
 *   1      登记管理部门代码 (registration authority)
 *   2      机构类别代码 (type, per authority)
 *   3–8    登记管理机关行政区划码 (GB/T 2260 division of the registering office; 100000 for national bodies)
 *   9–17   主体标识码 = 组织机构代码 (GB 11714): 8 characters and their own check character (0–9 or X)
 *   18     校验码 (check character)
 * The alphabet leaves out I, O, S, V, Z so codes survive being read aloud and copied by hand.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

type Label = { zh: string; en: string };

/**
 * Authorities and their type codes as published with the standard. Codes issued under later amendments are not
 * listed [U]; a bureau that meets one adds it to a copy of this table and passes that to checkUscc.
 */
export const USCC_AUTHORITIES: Record<string, Label & { types: Record<string, Label> }> = {
  '1': { zh: '机构编制', en: 'Staffing authority', types: { '1': { zh: '机关', en: 'State organ' }, '2': { zh: '事业单位', en: 'Public institution' }, '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'Mass organisation staffed by the central office' }, '9': { zh: '其他', en: 'Other' } } },
  '2': { zh: '外交', en: 'Foreign affairs', types: { '1': { zh: '外国常驻新闻机构', en: 'Resident foreign news agency' }, '9': { zh: '其他', en: 'Other' } } },
  '3': { zh: '司法行政', en: 'Judicial administration', types: { '1': { zh: '律师执业机构', en: 'Law firm' }, '2': { zh: '公证处', en: 'Notary office' }, '3': { zh: '基层法律服务所', en: 'Grassroots legal service office' }, '4': { zh: '司法鉴定机构', en: 'Forensic appraisal institution' }, '5': { zh: '仲裁委员会', en: 'Arbitration commission' }, '9': { zh: '其他', en: 'Other' } } },
  '4': { zh: '文化', en: 'Culture', types: { '1': { zh: '外国在华文化中心', en: 'Foreign cultural centre' }, '9': { zh: '其他', en: 'Other' } } },
  '5': { zh: '民政', en: 'Civil affairs', types: { '1': { zh: '社会团体', en: 'Social organisation' }, '2': { zh: '民办非企业单位', en: 'Private non-enterprise unit' }, '3': { zh: '基金会', en: 'Foundation' }, '9': { zh: '其他', en: 'Other' } } },
  '6': { zh: '旅游', en: 'Tourism', types: { '1': { zh: '外国旅游部门常驻代表机构', en: 'Foreign tourism office' }, '2': { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'Hong Kong, Macao or Taiwan tourism office' }, '9': { zh: '其他', en: 'Other' } } },
  '7': { zh: '宗教', en: 'Religious affairs', types: { '1': { zh: '宗教活动场所', en: 'Place of worship' }, '2': { zh: '宗教院校', en: 'Religious school' }, '9': { zh: '其他', en: 'Other' } } },
  '8': { zh: '工会', en: 'Trade unions', types: { '1': { zh: '基层工会', en: 'Grassroots trade union' }, '9': { zh: '其他', en: 'Other' } } },
  '9': { zh: '工商（市场监管）', en: 'Market regulation', types: { '1': { zh: '企业', en: 'Enterprise' }, '2': { zh: '个体工商户', en: 'Individual business' }, '3': { zh: '农民专业合作社', en: 'Farmers\' cooperative' } } },
  A: { zh: '中央军委改革和编制办公室', en: 'CMC reform and staffing office', types: { '1': { zh: '军队事业单位', en: 'Military public institution' }, '9': { zh: '其他', en: 'Other' } } },
  N: { zh: '农业', en: 'Agriculture', types: { '1': { zh: '组级集体经济组织', en: 'Group-level collective' }, '2': { zh: '村级集体经济组织', en: 'Village-level collective' }, '3': { zh: '乡镇级集体经济组织', en: 'Township-level collective' }, '9': { zh: '其他', en: 'Other' } } },
  Y: { zh: '其他', en: 'Other', types: { '1': { zh: '其他', en: 'Other' } } },
};

/** GB/T 2260 province prefixes, and 10 for bodies registered nationally (100000). */
const PROVINCES = new Set(['10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

export type UsccProblem = 'length' | 'character' | 'authority' | 'type' | 'division' | 'organisation-check' | 'check';

export type UsccCheck =
  | {
      valid: true;
      /** trimmed and upper-cased */
      code: string;
      authority: string;
      type: string;
      divisionCode: string;
      /** 组织机构代码 with its check character, e.g. MA2ABCDE1 */
      organisationCode: string;
      label: { authority: Label; type: Label };
    }
  | { valid: false; problem: UsccProblem; zh: string; en: string; /** 1-based, where the problem is */ position?: number };

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * GB 11714 check character of an organisation code's first 8 characters: digits count as themselves, letters A–Z as
 * 10–35 (the full Latin alphabet, unlike the USCC's own check); C = 11 − (Σ value × weight mod 11); 10 → X, 11 → 0.
 */
export function organisationCheckCharacter(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new RangeError('an organisation code body is 8 digits or capital letters');
  const sum = [...body].reduce((s, ch, i) => s + parseInt(ch, 36) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * GB 32100 check character of a code's first 17 characters: each character's value is its index in USCC_ALPHABET,
 * the weight of position i (0-based) is 3^i mod 31; C = 31 − (Σ value × weight mod 31), 31 → 0; the character is
 * USCC_ALPHABET[C].
 */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17 || [...first17].some((ch) => !USCC_ALPHABET.includes(ch))) {
    throw new RangeError('the first 17 characters of a USCC, from its alphabet');
  }
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    sum += USCC_ALPHABET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Whether a 统一社会信用代码 is well formed, and why not. Lower case and surrounding spaces are accepted. */
export function checkUscc(input: string, authorities = USCC_AUTHORITIES): UsccCheck {
  const code = String(input ?? '').trim().toUpperCase();
  const bad = (problem: UsccProblem, zh: string, en: string, position?: number): UsccCheck => ({ valid: false, problem, zh, en, position });
  if (code.length !== 18) return bad('length', `统一社会信用代码应为 18 位，实为 ${code.length} 位`, `A unified social credit code has 18 characters, not ${code.length}`);
  const wrong = [...code].findIndex((ch) => !USCC_ALPHABET.includes(ch));
  if (wrong >= 0) {
    return bad('character', `第 ${wrong + 1} 位“${code[wrong]}”不是允许的字符（不用 I、O、S、V、Z）`, `Character ${wrong + 1} "${code[wrong]}" is not allowed (I, O, S, V, Z are never used)`, wrong + 1);
  }
  const authority = authorities[code[0]];
  if (!authority) return bad('authority', `未知的登记管理部门代码“${code[0]}”`, `Unknown registration authority code "${code[0]}"`, 1);
  const type = authority.types[code[1]];
  if (!type) return bad('type', `登记管理部门“${authority.zh}”下没有机构类别“${code[1]}”`, `Authority "${authority.en}" has no type "${code[1]}"`, 2);
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode) || !PROVINCES.has(divisionCode.slice(0, 2))) {
    return bad('division', `行政区划码“${divisionCode}”无效`, `Invalid administrative division code "${divisionCode}"`, 3);
  }
  const organisationCode = code.slice(8, 17);
  if (organisationCheckCharacter(organisationCode.slice(0, 8)) !== organisationCode[8]) {
    return bad('organisation-check', `组织机构代码“${organisationCode}”校验位错误`, `The organisation code "${organisationCode}" fails its check character`, 17);
  }
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) {
    return bad('check', '统一社会信用代码校验位错误', 'The check character of the unified social credit code is wrong', 18);
  }
  return { valid: true, code, authority: code[0], type: code[1], divisionCode, organisationCode, label: { authority: { zh: authority.zh, en: authority.en }, type } };
}

/** A form's view: the problem in words, or undefined when the code is valid. */
export function usccProblem(code: string): { zh: string; en: string } | undefined {
  const check = checkUscc(code);
  return check.valid ? undefined : { zh: check.zh, en: check.en };
}
