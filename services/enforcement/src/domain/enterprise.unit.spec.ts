import { TOWN_CODES, type PermitClass } from '@qingyuan/contracts';
import { enterpriseProblems, PERMIT_CLASS_NAMES, REGISTRY_COLUMNS, type EnterpriseInput } from './enterprise';
import { usccProblem } from './uscc';

const valid: EnterpriseInput = {
  name: '义乌市清源印染有限公司',
  uscc: '91330782MA2ABCDEX8',
  townCode: '330782105',
  address: '义乌市苏溪镇工业区 1 号',
  location: { lat: 29.39, lng: 120.12 },
  industry: '纺织印染',
  permitClass: 'key',
  keyPolluter: true,
  outlets: [{ code: 'DW001', kind: 'water' }],
};
const problems = (over: Partial<EnterpriseInput>) => enterpriseProblems({ ...valid, ...over }, usccProblem);
const fields = (over: Partial<EnterpriseInput>) => problems(over).map((p) => p.field);

describe('enterpriseProblems', () => {
  it('finds nothing wrong with a complete registration, or one without the optional town and location', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ townCode: undefined, location: undefined, outlets: [] })).toEqual([]);
  });

  describe.each([
    ['name', 200],
    ['address', 200],
    ['industry', 100],
  ] as const)('%s', (field, max) => {
    it('is required', () => {
      for (const value of ['', '   ', '\n', undefined, 42]) {
        expect(problems({ [field]: value as unknown as string })).toEqual([{ field, zh: '不能为空', en: 'is required' }]);
      }
    });

    it(`has at most ${max} characters`, () => {
      expect(problems({ [field]: '染'.repeat(max) })).toEqual([]);
      expect(problems({ [field]: '染'.repeat(max + 1) })).toEqual([{ field, zh: `不能超过 ${max} 个字`, en: `must be at most ${max} characters` }]);
    });
  });

  it('reports the credit code’s problem in the words of the check it is given', () => {
    expect(problems({ uscc: '91330782MA2ABCDEX9' })).toEqual([{ field: 'uscc', zh: '统一社会信用代码校验位错误', en: 'The check character of the unified social credit code is wrong' }]);
    expect(problems({ uscc: '' })).toEqual([{ field: 'uscc', zh: '统一社会信用代码应为 18 位，实为 0 位', en: 'A unified social credit code has 18 characters, not 0' }]);
    expect(problems({ uscc: ' 91330782ma2abcdex8 ' })).toEqual([]);
    const seen: string[] = [];
    const check = (code: string) => (seen.push(code), code === 'ok' ? undefined : { zh: '坏', en: 'bad' });
    expect(enterpriseProblems({ ...valid, uscc: 'ok' }, check)).toEqual([]);
    expect(enterpriseProblems({ ...valid, uscc: undefined as unknown as string }, check)).toEqual([{ field: 'uscc', zh: '坏', en: 'bad' }]);
    expect(seen).toEqual(['ok', '']);
  });

  it('wants a Yiwu town code when a town is given', () => {
    for (const townCode of TOWN_CODES) expect(problems({ townCode })).toEqual([]);
    const townProblem = [{ field: 'townCode', zh: '不是义乌的镇街代码', en: 'is not a Yiwu town code' }];
    // 103 is not used; 330783 is another county; the 6-digit city code is not a town
    for (const townCode of ['330782103', '330783001', '330782', '', '稠城街道']) expect(problems({ townCode })).toEqual(townProblem);
  });

  it('wants one of the three permit classes', () => {
    for (const permitClass of ['key', 'simplified', 'registration'] as const) expect(problems({ permitClass })).toEqual([]);
    const permitProblem = [{ field: 'permitClass', zh: '须为重点管理、简化管理或登记管理', en: 'must be key, simplified or registration' }];
    for (const permitClass of ['重点管理', 'Key', '', undefined, 'toString', 'constructor', '__proto__']) {
      expect(problems({ permitClass: permitClass as PermitClass })).toEqual(permitProblem);
    }
  });

  it('wants a latitude and longitude in range when a location is given', () => {
    for (const location of [{ lat: 90, lng: 180 }, { lat: -90, lng: -180 }, { lat: 0, lng: 0 }]) expect(problems({ location })).toEqual([]);
    for (const location of [{ lat: 90.0001, lng: 120 }, { lat: 29, lng: -180.5 }, { lat: Number.NaN, lng: 120 }, { lat: 29, lng: Number.POSITIVE_INFINITY }, { lat: 120.12, lng: 229.39 }]) {
      expect(problems({ location })).toEqual([{ field: 'location', zh: '经纬度超出范围', en: 'is out of range' }]);
    }
  });

  it('reports every field at once, in order', () => {
    expect(fields({ name: '', uscc: 'x', address: ' ', industry: '', townCode: '1', permitClass: 'big' as PermitClass, location: { lat: 100, lng: 0 } })).toEqual([
      'name',
      'address',
      'industry',
      'uscc',
      'townCode',
      'permitClass',
      'location',
    ]);
  });
});

describe('registry spreadsheet vocabulary', () => {
  it('maps the Chinese and English permit class names to the three classes', () => {
    expect(Object.entries(PERMIT_CLASS_NAMES).filter(([, c]) => c === 'key').map(([n]) => n)).toEqual(['重点管理', '重点', 'key']);
    expect(new Set(Object.values(PERMIT_CLASS_NAMES))).toEqual(new Set(['key', 'simplified', 'registration']));
  });

  it('names a Chinese and an English header for every column', () => {
    for (const names of Object.values(REGISTRY_COLUMNS)) {
      expect(names[0]).toMatch(/[\u4e00-\u9fff]/);
      expect(names.at(-1)).toMatch(/^[a-z ]+$/);
    }
  });
});
