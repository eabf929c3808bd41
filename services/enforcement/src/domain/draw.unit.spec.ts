import { createHash } from 'node:crypto';
import { DomainError } from '@qingyuan/domain';
import { canonicalJson, sha256Hex } from './canonical-json';
import { performDraw, seedCommitment, verifyDraw, type DrawResult } from './draw';
import { drawInputHashes, type DrawCandidate, type DrawInputs, type DrawInspector } from './draw-inputs';
import { DrawPrng } from './draw-prng';

const SEED = '6a09e667f3bcc908bb67ae8584caa73b3c6ef372fe94f82ba54ff53a5f1d36f1';
const OTHER_SEED = '510e527fade682d19b05688c2b3e6c1f1f83d9abfb41bd6b5be0cd19137e2179';

const candidate = (enterpriseId: string, objectClass: DrawCandidate['objectClass'], creditLevel: string, townCode = '330782001'): DrawCandidate => ({
  enterpriseId,
  objectClass,
  creditLevel,
  townCode,
});
const inspector = (inspectorId: string, over: Partial<DrawInspector> = {}): DrawInspector => ({ inspectorId, formerEmployers: [], declaredConflicts: [], ...over });

function scenario(): DrawInputs {
  const candidates: DrawCandidate[] = [];
  for (let i = 0; i < 24; i++) {
    const objectClass = (['key', 'general', 'special'] as const)[i % 3];
    const creditLevel = ['green', 'blue', 'yellow', 'red'][i % 4];
    candidates.push(candidate(`E${String(i).padStart(3, '0')}`, objectClass, creditLevel, `3307820${(i % 3) + 1}`));
  }
  return {
    plan: {
      planId: 'plan-2027-q1',
      period: '2027-Q1',
      ratios: {
        key: { green: 0.125, blue: 0.25, yellow: 0.375, red: 0.5 },
        general: { green: 0.025, blue: 0.05, yellow: 0.075, red: 0.1 },
        special: { green: 0.25, blue: 0.5, yellow: 0.75, red: 1 },
      },
      inspectorsPerTask: 2,
      maxTasksPerInspector: 4,
    },
    candidates,
    pool: [
      inspector('I01', { townCode: '33078201', formerEmployers: ['E003'] }),
      inspector('I02', { townCode: '33078202', declaredConflicts: ['E006', 'E009'] }),
      inspector('I03', { townCode: '33078203' }),
      inspector('I04'),
      inspector('I05', { townCode: '33078201' }),
      inspector('I06', { formerEmployers: ['E011'], declaredConflicts: ['E000'] }),
    ],
    recusal: { sameTown: true, formerEmployer: true },
    previousInspectors: { E011: ['I04', 'I05'], E023: ['I01'] },
  };
}

const drawOf = (inputs: DrawInputs, seed = SEED): DrawResult => performDraw(inputs, seed, seedCommitment(seed));
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) {
      expect(error.zh).toMatch(/[\u4e00-\u9fff]/);
      return error.code;
    }
    throw error;
  }
  throw new Error('accepted');
};

describe('the random words (counter-mode SHA-256, as documented in draw.ts)', () => {
  const block = (seed: string, i: number) => {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(i));
    return createHash('sha256').update(Buffer.concat([Buffer.from(seed, 'hex'), Buffer.from('qingyuan-draw-v1', 'ascii'), counter])).digest();
  };
  const words = (seed: string, count: number) => Array.from({ length: count }, (_, k) => block(seed, Math.floor(k / 8)).readUInt32BE((k % 8) * 4));

  it('reads block i = SHA-256(seed ‖ tag ‖ uint64be i) as big-endian 32-bit words, 8 per block', () => {
    const prng = new DrawPrng(Buffer.from(SEED, 'hex'));
    expect(Array.from({ length: 20 }, () => prng.nextWord())).toEqual(words(SEED, 20));
  });

  it('rejects the words at or above the largest multiple of n, so no value is favoured', () => {
    const n = 2 ** 31 + 1; // limit = 2^31 + 1: almost half of all words are thrown away
    let seed = SEED;
    while (words(seed, 1)[0] < n) seed = sha256Hex(Buffer.from(seed, 'hex'));
    const [first, ...rest] = words(seed, 8);
    const accepted = rest.find((w) => w < n)!;
    const prng = new DrawPrng(Buffer.from(seed, 'hex'));
    expect(first).toBeGreaterThanOrEqual(n);
    expect(prng.uniformInt(n)).toBe(accepted % n);
    expect(prng.wordsUsed).toBe(2 + rest.indexOf(accepted));
    // n = 1 still reads one word; n = 6 takes the word modulo 6 when it is below 2^32 − 4
    const p = new DrawPrng(Buffer.from(SEED, 'hex'));
    expect(p.uniformInt(1)).toBe(0);
    expect(p.uniformInt(6)).toBe(words(SEED, 2)[1] % 6);
  });

  it('chooses k items by partial Fisher–Yates', () => {
    const prng = new DrawPrng(Buffer.from(SEED, 'hex'));
    const w = words(SEED, 3);
    const a = ['a', 'b', 'c', 'd', 'e'];
    const expected = [...a];
    for (let j = 0; j < 3; j++) {
      const r = j + (w[j] % (5 - j)); // no rejection is possible at these n for these words (checked below)
      expect(w[j]).toBeLessThan(2 ** 32 - (2 ** 32 % (5 - j)));
      [expected[j], expected[r]] = [expected[r], expected[j]];
    }
    expect(prng.choose(a, 3)).toEqual(expected.slice(0, 3));
    expect(a).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('the draw', () => {
  it('commits to the seed bytes with SHA-256, and refuses a seed that was not committed', () => {
    expect(seedCommitment(SEED)).toBe(createHash('sha256').update(Buffer.from(SEED, 'hex')).digest('hex'));
    expect(seedCommitment(SEED.toUpperCase())).toBe(seedCommitment(SEED));
    expect(refusal(() => performDraw(scenario(), SEED, seedCommitment(OTHER_SEED)))).toBe('DRAW_SEED_NOT_COMMITTED');
    expect(refusal(() => performDraw(scenario(), SEED, 'abc'))).toBe('DRAW_BAD_SEED_HASH');
    for (const bad of [SEED.slice(1), `${SEED}0`, `g${SEED.slice(1)}`, '', ` ${SEED.slice(1)}`]) {
      expect(refusal(() => seedCommitment(bad))).toBe('DRAW_BAD_SEED');
    }
  });

  it('is the same, byte for byte, every time, and pinned for algorithm v1', () => {
    const a = drawOf(scenario());
    const b = drawOf(scenario());
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(a.algorithm).toBe('qingyuan-draw-v1');
    expect(a.resultHash).toBe(sha256Hex(canonicalJson({ ...a, resultHash: undefined })));
    expect(a.selections.length + a.unassigned.length).toBeGreaterThan(3);
    // Golden value: if this changes, the algorithm changed and needs a new version name (old draws must stay verifiable).
    expect(a.resultHash).toBe(GOLDEN_RESULT_HASH);
  });

  it('does not depend on the order of the lists it is given', () => {
    const inputs = scenario();
    const shuffled: DrawInputs = {
      ...inputs,
      candidates: [...inputs.candidates].reverse(),
      pool: [...inputs.pool].reverse().map((i) => ({ ...i, formerEmployers: [...i.formerEmployers].reverse(), declaredConflicts: [...i.declaredConflicts, ...i.declaredConflicts] })),
      previousInspectors: { E023: ['I01'], E011: ['I05', 'I04'], E999: [] },
    };
    expect(drawOf(shuffled)).toEqual(drawOf(inputs));
  });

  it('lists the selected enterprises and their inspectors in enterpriseId order, within the rules', () => {
    const inputs = scenario();
    const draw = drawOf(inputs);
    const ids = [...draw.selections.map((s) => s.enterpriseId), ...draw.unassigned.map((u) => u.enterpriseId)];
    expect(draw.selections.map((s) => s.enterpriseId)).toEqual([...draw.selections.map((s) => s.enterpriseId)].sort());
    expect(new Set(ids).size).toBe(ids.length);
    // special/red has ratio 1: both such enterprises are always selected
    for (const id of inputs.candidates.filter((c) => c.objectClass === 'special' && c.creditLevel === 'red').map((c) => c.enterpriseId)) expect(ids).toContain(id);
    for (const s of draw.selections) {
      expect(s.inspectorIds).toHaveLength(2);
      expect(s.inspectorIds).toEqual([...s.inspectorIds].sort());
    }
  });

  it('leaves an enterprise unassigned rather than break recusal or the task limit', () => {
    const base = scenario();
    const inputs: DrawInputs = {
      ...base,
      plan: { ...base.plan, ratios: { special: { red: 1 } }, maxTasksPerInspector: 1 },
      candidates: [candidate('A', 'special', 'red'), candidate('B', 'special', 'red'), candidate('C', 'special', 'red', '33078209')],
      pool: [inspector('X', { declaredConflicts: ['A'] }), inspector('Y'), inspector('Z', { townCode: '330782001' })],
    };
    const draw = drawOf(inputs);
    // A: X conflicted, Z same town → only Y. B: only X and Y are free of recusal → both. C: Z is free but X and Y have one task each.
    expect(draw.unassigned).toEqual([
      { enterpriseId: 'A', reason: 'recusal-leaves-too-few' },
      { enterpriseId: 'C', reason: 'inspectors-at-capacity' },
    ]);
    expect(draw.selections).toEqual([{ enterpriseId: 'B', objectClass: 'special', creditLevel: 'red', inspectorIds: ['X', 'Y'] }]);
  });

  it('refuses inputs the draw cannot be fair or lawful with', () => {
    const base = scenario();
    const withPlan = (plan: Partial<DrawInputs['plan']>) => () => drawOf({ ...base, plan: { ...base.plan, ...plan } });
    for (const r of [-0.01, 1.01, Number.NaN, Infinity]) expect(refusal(withPlan({ ratios: { key: { green: r } } }))).toBe('DRAW_RATIO_OUT_OF_RANGE');
    expect(refusal(withPlan({ ratios: { ...base.plan.ratios, general: { green: 0.1234567 } } }))).toBe('DRAW_RATIO_PRECISION');
    // float noise from multiplying a class ratio by a credit factor is not a seventh decimal
    expect(() => withPlan({ ratios: { ...base.plan.ratios, general: { ...base.plan.ratios.general, blue: 0.05 * 0.7 } } })()).not.toThrow();
    for (const n of [1, 0, 2.5, -2]) expect(refusal(withPlan({ inspectorsPerTask: n }))).toBe('DRAW_INSPECTORS_PER_TASK');
    expect(refusal(withPlan({ maxTasksPerInspector: 0 }))).toBe('DRAW_INVALID_MAX_TASKS');
    expect(refusal(withPlan({ ratios: { key: base.plan.ratios.key, general: base.plan.ratios.general } }))).toBe('DRAW_NO_RATIO');
    expect(refusal(withPlan({ ratios: { ...base.plan.ratios, ordinary: { green: 0.1 } } as never }))).toBe('DRAW_UNKNOWN_OBJECT_CLASS');
    expect(refusal(() => drawOf({ ...base, candidates: [...base.candidates, base.candidates[5]] }))).toBe('DRAW_DUPLICATE_ENTERPRISE');
    expect(refusal(() => drawOf({ ...base, pool: [...base.pool, inspector('I03')] }))).toBe('DRAW_DUPLICATE_INSPECTOR');
    expect(refusal(() => drawOf({ ...base, candidates: [candidate('Q', 'key', 'green', '')] }))).toBe('DRAW_INVALID_INPUT');
  });
});

describe('verification', () => {
  const inputs = scenario();
  const published = drawOf(inputs);

  it('reproduces the published draw byte for byte', () => {
    expect(verifyDraw(scenario(), SEED, published)).toEqual({ ok: true, mismatches: [] });
    // a draw read back from storage (JSON round trip) verifies too
    expect(verifyDraw(scenario(), SEED, JSON.parse(JSON.stringify(published)))).toEqual({ ok: true, mismatches: [] });
  });

  it('names what differs when an input, the seed or the record was changed', () => {
    const changed = (over: Partial<DrawInputs>, seed = SEED) => verifyDraw({ ...scenario(), ...over }, seed, published).mismatches;
    const c = inputs.candidates;
    expect(changed({ candidates: c.slice(1) })).toEqual(expect.arrayContaining(['candidatesHash', 'resultHash']));
    expect(changed({ candidates: c.map((x, i) => (i === 6 ? { ...x, creditLevel: 'red' } : x)) })).toContain('candidatesHash');
    expect(changed({ candidates: c.map((x, i) => (i === 7 ? { ...x, townCode: '33078209' } : x)) })).toContain('candidatesHash');
    expect(changed({ pool: inputs.pool.slice(0, 5) })).toEqual(expect.arrayContaining(['poolHash', 'resultHash']));
    expect(changed({ pool: inputs.pool.map((i) => (i.inspectorId === 'I04' ? { ...i, declaredConflicts: ['E001'] } : i)) })).toContain('poolHash');
    const ratios = { ...inputs.plan.ratios, key: { ...inputs.plan.ratios.key, blue: 0.26 } };
    expect(changed({ plan: { ...inputs.plan, ratios } })).toEqual(expect.arrayContaining(['planHash', 'resultHash']));
    expect(changed({ previousInspectors: {} })).toContain('planHash');
    expect(changed({ recusal: { sameTown: false, formerEmployer: true } })).toContain('planHash');
    expect(changed({}, OTHER_SEED)).toEqual(expect.arrayContaining(['seedHash', 'selections', 'resultHash']));
    for (const m of [changed({ candidates: c.slice(1) }), changed({ pool: inputs.pool.slice(0, 5) }), changed({}, OTHER_SEED)]) {
      expect(m).not.toContain('planHash');
    }
    expect(changed({ pool: inputs.pool.slice(0, 5) })).not.toContain('candidatesHash');
    expect(changed({ candidates: c.slice(1) })).not.toContain('poolHash');

    const tampered = { ...published, selections: published.selections.map((s, i) => (i === 0 ? { ...s, inspectorIds: ['I03', 'I04'] } : s)) };
    expect(verifyDraw(scenario(), SEED, tampered).mismatches).toEqual(['selections']);
    expect(verifyDraw(scenario(), SEED, { ...published, resultHash: '0'.repeat(64) }).mismatches).toEqual(['resultHash']);
    const { planHash: _dropped, ...withoutPlanHash } = published;
    expect(_dropped).toBeDefined();
    expect(verifyDraw(scenario(), SEED, withoutPlanHash).mismatches).toEqual(['planHash']);
  });

  it('gives the input hashes before the draw, the same as the draw publishes', () => {
    const { candidatesHash, poolHash, planHash } = published;
    expect(drawInputHashes(scenario())).toEqual({ candidatesHash, poolHash, planHash });
  });
});

describe('canonical JSON', () => {
  it('sorts keys, drops undefined, refuses what JSON cannot hold', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: true, y: null }], c: undefined }, é: 'x' })).toBe('{"a":{"d":[2,{"y":null,"z":true}]},"b":1,"é":"x"}');
    expect(() => canonicalJson({ x: NaN })).toThrow();
    expect(() => canonicalJson({ x: () => 1 })).toThrow();
  });
});

const GOLDEN_RESULT_HASH = '0caf731090ad946cff632580327cbe9fba68ed9a3c8a363c768af1d56e90d693';
