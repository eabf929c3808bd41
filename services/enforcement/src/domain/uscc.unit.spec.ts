import fc from 'fast-check';
import { checkUscc, organisationCheckCharacter, USCC_ALPHABET, USCC_AUTHORITIES, usccCheckCharacter, usccProblem } from './uscc';

/**
 * The expected check characters below were worked out by hand from the published algorithms (and cross-checked with
 * a separate implementation written from the standards' text, not from uscc.ts):
 *   GB 11714  organisation code: C9 = 11 − (Σ value × [3,7,9,10,5,8,4,2] mod 11), 10 → X, 11 → 0; A–Z count 10–35.
 *   GB 32100  USCC: C18 = 31 − (Σ value × 3^(i−1) mod 31), 31 → 0; values are indexes in 0–9 A–H J–N P–R T U W–Y.
 */

// GB 32100-2015's own example. By hand:
//   organisation M000100Y: M=22, Y=34 → 22·3 + 1·5 + 34·2 = 139; 139 mod 11 = 7; 11 − 7 = 4 → M000100Y4.
//   weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28; M=21, Y=30 in the USCC alphabet:
//   9·1 + 1·3 + 3·9 + 5·27 + 1·26 + 21·20 + 1·8 + 30·30 + 4·28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
const GB_EXAMPLE = '91350100M000100Y43';
// A Yiwu enterprise (authority 9 = market regulation, type 1 = enterprise, division 330782):
//   MA2ABCDE: 22·3 + 10·7 + 2·9 + 10·10 + 11·5 + 12·8 + 13·4 + 14·2 = 485; 485 mod 11 = 1; 11 − 1 = 10 → X.
//   Σ over 91330782MA2ABCDEX = 3092; 3092 mod 31 = 23; 31 − 23 = 8.
const YIWU_ENTERPRISE = '91330782MA2ABCDEX8';
// Letters after H have different values in the two alphabets (K: 20 vs 19, P: 25 vs 23, Q: 26 vs 24, R: 27 vs 25), so
// this one tells the two checks apart (the GB example does not: its differences add up to 11 ≡ 0):
//   MA2KPQ7R: 66 + 70 + 18 + 200 + 125 + 208 + 28 + 54 = 769; 769 mod 11 = 10; 11 − 10 = 1 (with USCC values: 0).
const YIWU_LETTERS = '91330782MA2KPQ7R1M';
const VALID = [
  GB_EXAMPLE,
  YIWU_ENTERPRISE,
  YIWU_LETTERS,
  '92330782L123456740', // individual business (个体工商户) in Yiwu
  '51330782501234569U', // social organisation (社会团体), civil affairs
  '12100000400000624D', // public institution registered nationally (division 100000)
  'N23307825432109872', // village-level collective, agriculture
  'Y1330782MA2JKLMN21', // other
  '913307821000000160', // Σ mod 31 = 0: the check is 31, written 0
  '91330782100000040G', // organisation check 11, written 0
  '9133078210000018X4', // organisation check 10, written X
];

describe('check characters', () => {
  it('computes the GB 11714 organisation check, including the 10 → X and 11 → 0 cases', () => {
    expect(organisationCheckCharacter('M000100Y')).toBe('4');
    expect(organisationCheckCharacter('MA2ABCDE')).toBe('X');
    expect(organisationCheckCharacter('MA2KPQ7R')).toBe('1');
    // D2143569: 39 + 14 + 9 + 40 + 15 + 40 + 24 + 18 = 199; 199 mod 11 = 1 → 10 → X
    expect(organisationCheckCharacter('D2143569')).toBe('X');
    // Σ = 0 → 11 → 0
    expect(organisationCheckCharacter('00000000')).toBe('0');
    // GB 11714 uses the full Latin alphabet (I=18, O=24, S=28, V=31, Z=35), unlike the USCC
    expect(organisationCheckCharacter('MA2ISOVZ')).toBe('9');
  });

  it('computes the GB 32100 check, including the 31 → 0 case', () => {
    expect(usccCheckCharacter(GB_EXAMPLE.slice(0, 17))).toBe('3');
    expect(usccCheckCharacter(YIWU_ENTERPRISE.slice(0, 17))).toBe('8');
    expect(usccCheckCharacter(YIWU_LETTERS.slice(0, 17))).toBe('M');
    expect(usccCheckCharacter('91330782100000016')).toBe('0');
  });

  it('refuses input that is not a body of the right length and alphabet', () => {
    expect(() => organisationCheckCharacter('MA2ABCD')).toThrow(RangeError);
    expect(() => organisationCheckCharacter('ma2abcde')).toThrow(RangeError);
    expect(() => organisationCheckCharacter('MA2ABCDE1')).toThrow(RangeError);
    expect(() => usccCheckCharacter(GB_EXAMPLE.slice(0, 16))).toThrow(RangeError);
    expect(() => usccCheckCharacter(GB_EXAMPLE)).toThrow(RangeError);
    expect(() => usccCheckCharacter('91350100M000100I4')).toThrow(RangeError);
    expect(() => usccCheckCharacter('91350100m000100y4')).toThrow(RangeError);
  });

  it('uses 31 characters with no I, O, S, V or Z', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(new Set(USCC_ALPHABET).size).toBe(31);
    expect(USCC_ALPHABET).not.toMatch(/[IOSVZ]/);
  });
});

describe('checkUscc', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(checkUscc(code)).toMatchObject({ valid: true, code });
  });

  it('splits a valid code into its parts and labels them', () => {
    expect(checkUscc(GB_EXAMPLE)).toEqual({
      valid: true,
      code: GB_EXAMPLE,
      authority: '9',
      type: '1',
      divisionCode: '350100',
      organisationCode: 'M000100Y4',
      label: { authority: { zh: '工商（市场监管）', en: 'Market regulation' }, type: { zh: '企业', en: 'Enterprise' } },
    });
    expect(checkUscc('51330782501234569U')).toMatchObject({
      divisionCode: '330782',
      organisationCode: '501234569',
      label: { authority: { zh: '民政', en: 'Civil affairs' }, type: { zh: '社会团体', en: 'Social organisation' } },
    });
  });

  it('accepts lower case and surrounding spaces, and gives the code back trimmed and upper-cased', () => {
    expect(checkUscc('  91330782ma2abcdex8\t\n')).toMatchObject({ valid: true, code: YIWU_ENTERPRISE });
    expect(checkUscc(' 91350100m000100y43 ')).toMatchObject({ valid: true, code: GB_EXAMPLE });
    // spaces inside the code are not trimmed away
    expect(checkUscc('91330782 MA2ABCDEX8').valid).toBe(false);
  });

  it('reports the length, without a position', () => {
    expect(checkUscc(YIWU_ENTERPRISE.slice(0, 17))).toEqual({
      valid: false,
      problem: 'length',
      zh: '统一社会信用代码应为 18 位，实为 17 位',
      en: 'A unified social credit code has 18 characters, not 17',
      position: undefined,
    });
    expect(checkUscc(`${YIWU_ENTERPRISE}0`)).toMatchObject({ problem: 'length', en: 'A unified social credit code has 18 characters, not 19' });
    expect(checkUscc('   ')).toMatchObject({ problem: 'length', zh: '统一社会信用代码应为 18 位，实为 0 位' });
    expect(checkUscc(undefined as unknown as string)).toMatchObject({ problem: 'length', zh: '统一社会信用代码应为 18 位，实为 0 位' });
    // the length is checked first: a short code with a forbidden letter is reported as short
    expect(checkUscc('91330782MA2OBCDEX')).toMatchObject({ problem: 'length' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('refuses the letter %s, naming where it is', (letter) => {
    const code = `91330782MA2${letter}BCDEX8`;
    expect(checkUscc(code)).toEqual({
      valid: false,
      problem: 'character',
      zh: `第 12 位“${letter}”不是允许的字符（不用 I、O、S、V、Z）`,
      en: `Character 12 "${letter}" is not allowed (I, O, S, V, Z are never used)`,
      position: 12,
    });
    expect(checkUscc(code.toLowerCase())).toMatchObject({ problem: 'character', position: 12 });
  });

  it('refuses other characters, reporting the first one', () => {
    expect(checkUscc('91330782-A2ABCDEX8')).toMatchObject({ problem: 'character', position: 9, en: 'Character 9 "-" is not allowed (I, O, S, V, Z are never used)' });
    expect(checkUscc('９1330782MA2ABCDEX8')).toMatchObject({ problem: 'character', position: 1 });
    expect(checkUscc('91330782MA2OBCDEZ8')).toMatchObject({ problem: 'character', position: 12 });
  });

  it('refuses an unknown registration authority', () => {
    expect(checkUscc('B1330782MA2ABCDEX8')).toEqual({
      valid: false,
      problem: 'authority',
      zh: '未知的登记管理部门代码“B”',
      en: 'Unknown registration authority code "B"',
      position: 1,
    });
    expect(checkUscc('01330782MA2ABCDEX8')).toMatchObject({ problem: 'authority', position: 1 });
  });

  it("refuses a type the authority does not have (market regulation has 1, 2 and 3; other bodies' 9 is not among them)", () => {
    expect(checkUscc('99330782MA2ABCDEX8')).toEqual({
      valid: false,
      problem: 'type',
      zh: '登记管理部门“工商（市场监管）”下没有机构类别“9”',
      en: 'Authority "Market regulation" has no type "9"',
      position: 2,
    });
    expect(checkUscc('54330782501234569U')).toMatchObject({ problem: 'type', en: 'Authority "Civil affairs" has no type "4"' });
    expect(checkUscc('Y2330782MA2JKLMN21')).toMatchObject({ problem: 'type', position: 2 });
  });

  it('takes a bureau’s extended authority table', () => {
    const extended = { ...USCC_AUTHORITIES, '9': { ...USCC_AUTHORITIES['9'], types: { ...USCC_AUTHORITIES['9'].types, '4': { zh: '新类别', en: 'New type' } } } };
    // 94330782MA2ABCDEX: Σ = 3092 + 3·3 = 3101; 3101 mod 31 = 1; 31 − 1 = 30 → Y
    expect(checkUscc('94330782MA2ABCDEXY')).toMatchObject({ problem: 'type' });
    expect(checkUscc('94330782MA2ABCDEXY', extended)).toMatchObject({ valid: true, label: { type: { zh: '新类别', en: 'New type' } } });
  });

  it('refuses a division code that is not six digits under a known province', () => {
    expect(checkUscc('91990000MA2ABCDEX8')).toEqual({
      valid: false,
      problem: 'division',
      zh: '行政区划码“990000”无效',
      en: 'Invalid administrative division code "990000"',
      position: 3,
    });
    expect(checkUscc('91330A82MA2ABCDEX8')).toMatchObject({ problem: 'division', en: 'Invalid administrative division code "330A82"' });
    expect(checkUscc('91000000MA2ABCDEX8')).toMatchObject({ problem: 'division' });
    expect(checkUscc('91203300MA2ABCDEX8')).toMatchObject({ problem: 'division' });
  });

  it('refuses an organisation code whose own check character is wrong', () => {
    expect(checkUscc('91330782MA2ABCDE18')).toEqual({
      valid: false,
      problem: 'organisation-check',
      zh: '组织机构代码“MA2ABCDE1”校验位错误',
      en: 'The organisation code "MA2ABCDE1" fails its check character',
      position: 17,
    });
    // the check computed with USCC letter values (0) instead of GB 11714's (1) is wrong
    expect(checkUscc('91330782MA2KPQ7R0M')).toMatchObject({ problem: 'organisation-check' });
  });

  it('refuses a wrong final check character', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({
      valid: false,
      problem: 'check',
      zh: '统一社会信用代码校验位错误',
      en: 'The check character of the unified social credit code is wrong',
      position: 18,
    });
    expect(checkUscc('913307821000000161')).toMatchObject({ problem: 'check' });
  });
});

describe('usccProblem', () => {
  it('is undefined for a valid code and the words alone for an invalid one', () => {
    expect(usccProblem(GB_EXAMPLE)).toBeUndefined();
    expect(usccProblem(' 91330782ma2abcdex8 ')).toBeUndefined();
    expect(usccProblem('91350100M000100Y44')).toEqual({ zh: '统一社会信用代码校验位错误', en: 'The check character of the unified social credit code is wrong' });
    expect(usccProblem('')).toEqual({ zh: '统一社会信用代码应为 18 位，实为 0 位', en: 'A unified social credit code has 18 characters, not 0' });
  });
});

describe('detection of copying errors (fast-check)', () => {
  const bodyChar = fc.constantFrom(...USCC_ALPHABET);
  const validCode = fc
    .record({
      authority: fc.constantFrom(...Object.keys(USCC_AUTHORITIES)),
      typeIndex: fc.nat(),
      province: fc.constantFrom('10', '11', '31', '33', '35', '44', '65', '82'),
      rest: fc.array(fc.constantFrom(...'0123456789'), { minLength: 4, maxLength: 4 }),
      body: fc.array(bodyChar, { minLength: 8, maxLength: 8 }),
    })
    .map(({ authority, typeIndex, province, rest, body }) => {
      const types = Object.keys(USCC_AUTHORITIES[authority].types);
      const organisation = body.join('') + organisationCheckCharacter(body.join(''));
      const first17 = `${authority}${types[typeIndex % types.length]}${province}${rest.join('')}${organisation}`;
      return first17 + usccCheckCharacter(first17);
    });

  it('accepts every code built by the rules', () => {
    fc.assert(fc.property(validCode, (code) => checkUscc(code).valid), { numRuns: 2000 });
  });

  it('detects every single-character substitution, at any of the 18 places, by any other allowed character', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), bodyChar, (code, at, ch) => {
        fc.pre(code[at] !== ch);
        const copied = code.slice(0, at) + ch + code.slice(at + 1);
        expect(checkUscc(copied).valid).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('detects every single substitution of the known examples exhaustively (18 × 30 each)', () => {
    for (const code of VALID) {
      for (let at = 0; at < 18; at++) {
        for (const ch of USCC_ALPHABET) {
          if (ch === code[at]) continue;
          const copied = code.slice(0, at) + ch + code.slice(at + 1);
          expect([copied, checkUscc(copied).valid]).toEqual([copied, false]);
        }
      }
    }
  });

  it('detects a substitution in the organisation code by the final check even where the mod-11 check misses it', () => {
    // Change one character of positions 9–16 where the organisation's mod-11 check happens to stay the same: the
    // code's own mod-31 check must still catch the change.
    fc.assert(
      fc.property(validCode, fc.integer({ min: 8, max: 15 }), bodyChar, (code, at, ch) => {
        fc.pre(code[at] !== ch);
        const body = code.slice(8, at) + ch + code.slice(at + 1, 16);
        // only the substitutions the organisation check does not see (about one in eleven)
        fc.pre(organisationCheckCharacter(body) === code[16]);
        const copied = `${code.slice(0, 8)}${body}${code.slice(16)}`;
        expect(checkUscc(copied)).toMatchObject({ valid: false, problem: 'check' });
      }),
      { numRuns: 1000 },
    );
  });
});
