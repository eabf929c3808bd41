import { RecentReadings } from './recent-readings';

describe('RecentReadings (the constant rule’s ring)', () => {
  it('keeps the newest readings in order once full, and their spread', () => {
    const r = new RecentReadings(3);
    [5, 7, 6, 9].forEach((v, i) => r.push(3, i * 1000, v, i === 3 ? 'M' : 'N'));
    expect(r.length).toBe(3);
    expect(r.latest(5)).toEqual([
      { t: 1000, value: 7, flag: 'N' },
      { t: 2000, value: 6, flag: 'N' },
      { t: 3000, value: 9, flag: 'M' },
    ]);
    expect(r.latest(1)).toEqual([{ t: 3000, value: 9, flag: 'M' }]);
    expect(r.spread()).toBe(3);
  });

  it('keeps the latest readings when a new rule version changes the run length', () => {
    const r = new RecentReadings(4);
    [1, 2, 3, 4, 5].forEach((v) => r.push(4, v, v, 'N'));
    r.push(2, 6, 6, 'N');
    expect(r.latest(10).map((x) => x.value)).toEqual([5, 6]);
    r.push(5, 7, 7, 'N');
    expect(r.latest(10).map((x) => x.value)).toEqual([5, 6, 7]);
    expect(r.spread()).toBe(2);
  });

  it('has no spread when empty or holding one value', () => {
    const r = new RecentReadings(3);
    expect(r.latest(3)).toEqual([]);
    r.push(3, 0, 4, 'N');
    expect(r.spread()).toBe(0);
  });
});
