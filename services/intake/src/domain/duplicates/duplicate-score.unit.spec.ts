import {
  addressSimilarity,
  DEFAULT_DUPLICATE_RULES,
  scoreCandidate,
  suggestDuplicates,
  type DuplicateCandidateInput,
} from './duplicate-score';
import { distanceMetres } from '@qingyuan/geo';

const haversineMetres = (lat1: number, lng1: number, lat2: number, lng2: number) => distanceMetres({ lat: lat1, lng: lng1 }, { lat: lat2, lng: lng2 });

// 稠江街道杨村路, and points a known distance north of it (1° of latitude ≈ 111.2 km).
const LAT = 29.27;
const LNG = 120.042;
const north = (metres: number) => LAT + metres / 111_195;

function clue(overrides: Partial<DuplicateCandidateInput> = {}): DuplicateCandidateInput {
  return {
    id: 'c-new',
    category: 'water',
    text: '稠江街道杨村路华鑫印染厂晚上偷排黑水，河水发臭',
    at: '2025-05-10T21:00:00+08:00',
    lat: LAT,
    lng: LNG,
    address: '义乌市稠江街道杨村路88号',
    ...overrides,
  };
}

describe('duplicate score', () => {
  it('measures distance with haversine', () => {
    expect(haversineMetres(LAT, LNG, north(1000), LNG)).toBeCloseTo(1000, 0);
    expect(haversineMetres(LAT, LNG, LAT, LNG)).toBe(0);
  });

  it('scores a second report of the same incident above the threshold and says why', () => {
    const result = scoreCandidate(
      clue(),
      clue({ id: 'c-old', text: '来电人反映：杨村路那家印染厂夜里偷排黑水，臭得很', at: '2025-05-10T08:00:00+08:00', lat: north(80) }),
    );
    expect(result).toBeDefined();
    expect(result!.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_RULES.threshold);
    expect(result!.score).toBeLessThanOrEqual(1);
    expect(result!.reasons).toEqual({ text: expect.any(Number), distanceMetres: expect.any(Number), hoursApart: 13, sameCategory: true });
    expect(result!.reasons.distanceMetres).toBeCloseTo(80, 0);
  });

  describe('hard limits', () => {
    it('rules out different categories', () => {
      expect(scoreCandidate(clue(), clue({ category: 'noise' }))).toBeUndefined();
    });

    it("lets 'other' match any category, a little less surely", () => {
      const same = scoreCandidate(clue(), clue({ id: 'c-old' }))!;
      const other = scoreCandidate(clue(), clue({ id: 'c-old', category: 'other' }))!;
      expect(other.reasons.sameCategory).toBe(false);
      expect(other.score).toBeLessThan(same.score);
      expect(scoreCandidate(clue({ category: 'other' }), clue({ category: 'air' }))).toBeDefined();
    });

    it('rules out map points farther apart than maxDistanceMetres', () => {
      expect(scoreCandidate(clue(), clue({ lat: north(990) }))).toBeDefined();
      expect(scoreCandidate(clue(), clue({ lat: north(1010) }))).toBeUndefined();
      const wider = { ...DEFAULT_DUPLICATE_RULES, maxDistanceMetres: 2000 };
      expect(scoreCandidate(clue(), clue({ lat: north(1500) }), wider)).toBeDefined();
    });

    it('rules out reports more than maxDays apart, and unreadable times', () => {
      expect(scoreCandidate(clue(), clue({ at: '2025-06-08T21:00:00+08:00' }))).toBeDefined(); // 29 days
      expect(scoreCandidate(clue(), clue({ at: '2025-06-10T21:00:00+08:00' }))).toBeUndefined(); // 31 days
      expect(scoreCandidate(clue(), clue({ at: '2025-04-09T21:00:00+08:00' }))).toBeUndefined(); // 31 days before
      expect(scoreCandidate(clue(), clue({ at: 'last Tuesday' }))).toBeUndefined();
    });
  });

  it('decays with distance and with time', () => {
    const near = scoreCandidate(clue(), clue({ lat: north(50) }))!.score;
    const far = scoreCandidate(clue(), clue({ lat: north(600) }))!.score;
    const later = scoreCandidate(clue(), clue({ lat: north(50), at: '2025-05-20T21:00:00+08:00' }))!.score;
    expect(near).toBeGreaterThan(far);
    expect(near).toBeGreaterThan(later);
  });

  it('falls back to the addresses when a map point is missing', () => {
    const addressOnly = clue({ id: 'c-old', lat: undefined, lng: undefined, address: '稠江杨村路88号附近' });
    const result = scoreCandidate(clue(), addressOnly)!;
    expect(result.reasons.distanceMetres).toBeUndefined();
    expect(result.reasons.address).toBeGreaterThan(0.7);
    const elsewhere = scoreCandidate(clue(), { ...addressOnly, address: '义乌市北苑街道春晗路12号' })!;
    expect(elsewhere.reasons.address).toBeLessThan(0.2);
    expect(elsewhere.score).toBeLessThan(result.score);
    // Beyond 1 km by address is not a hard limit: an address is not a measured point.
    expect(elsewhere).toBeDefined();
  });

  it('ignores the province and city prefix every Yiwu address has', () => {
    expect(addressSimilarity('浙江省义乌市稠江街道杨村路88号', '稠江街道杨村路88号')).toBe(1);
    expect(addressSimilarity('义乌市北苑街道春晗路12号', '义乌市佛堂镇田心村')).toBe(0);
  });

  it('does not let two short generic texts in different places look alike', () => {
    const here = clue({ text: '有异味', category: 'air', lat: undefined, lng: undefined, address: '义乌市稠城街道宾王路12号' });
    const there = { ...here, id: 'c-old', address: '义乌市后宅街道遗安村' };
    expect(scoreCandidate(here, there)!.score).toBeLessThan(DEFAULT_DUPLICATE_RULES.threshold);
  });
});

describe('duplicate suggestions', () => {
  const newClue = clue();
  const candidates: DuplicateCandidateInput[] = [
    clue({ id: 'far', lat: north(3000) }),
    clue({ id: 'weak', text: '河里有死鱼', lat: north(700), at: '2025-05-25T21:00:00+08:00' }),
    clue({ id: 'best', lat: north(20) }),
    clue({ id: 'good', text: '杨村路印染厂偷排黑水', lat: north(150) }),
    clue({ id: 'noise', category: 'noise' }),
    newClue,
  ];

  it('returns candidates at or above the threshold, best first, without the clue itself', () => {
    const found = suggestDuplicates(newClue, candidates);
    expect(found.map((s) => s.candidate.id)).toEqual(['best', 'good']);
    expect(found[0].score).toBeGreaterThan(found[1].score);
    expect(found[0].candidate).toBe(candidates[2]);
  });

  it('keeps to the limit', () => {
    const lenient = { ...DEFAULT_DUPLICATE_RULES, threshold: 0 };
    expect(suggestDuplicates(newClue, candidates, lenient).map((s) => s.candidate.id)).toEqual(['best', 'good', 'weak']);
    expect(suggestDuplicates(newClue, candidates, lenient, 1)).toHaveLength(1);
    expect(suggestDuplicates(newClue, candidates, lenient, 0)).toEqual([]);
  });
});
