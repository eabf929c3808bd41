import { deviceProblems } from '../domain/device';
import { mnOf, simulatedDeviceInputs, simulatedDevices } from './devices';

describe('simulated devices', () => {
  const devices = simulatedDevices(300, { intervalSeconds: 5 });

  it('are the same for the same arguments, and device k is the same whatever the count', () => {
    expect(simulatedDevices(300, { intervalSeconds: 5 })).toEqual(devices);
    expect(simulatedDevices(10, { intervalSeconds: 5 })).toEqual(devices.slice(0, 10));
  });

  it('have a 24-character MN of the prefix and the device number, a 6-character PW', () => {
    expect(devices[0].input.mn).toBe('330782000000000000000001');
    expect(devices[299].input.mn).toBe('330782000000000000000300');
    expect(simulatedDevices(1, { mnPrefix: 'A1B2' })[0].input.mn).toBe('A1B200000000000000000001');
    expect(() => mnOf(1000, '3307820000000000000000')).toThrow(RangeError);
    for (const d of devices) {
      expect(d.input.mn).toHaveLength(24);
      expect(d.input.pw).toMatch(/^\d{6}$/);
    }
    expect(new Set(devices.map((d) => d.input.pw)).size).toBeGreaterThan(290);
  });

  it('are registrations the platform accepts: no problem from deviceProblems', () => {
    for (const input of simulatedDeviceInputs(300, { intervalSeconds: 5 })) expect(deviceProblems(input)).toEqual([]);
  });

  it('mix media and standards: about 2/3 wastewater, mostly HJ 212-2017, some 2025 and a few 2005', () => {
    const count = (pick: (d: (typeof devices)[number]) => boolean) => devices.filter(pick).length;
    expect(count((d) => d.input.medium === 'water')).toBe(200);
    expect(count((d) => d.input.medium === 'gas')).toBe(100);
    expect(count((d) => d.input.standard === '2017')).toBe(255);
    expect(count((d) => d.input.standard === '2025')).toBe(30);
    expect(count((d) => d.input.standard === '2005')).toBe(15);
    for (const d of devices) expect(d.st).toBe(d.input.medium === 'water' ? '32' : '31');
  });

  it('give factors with units, permit limits and measuring ranges; flue gas judged on converted values', () => {
    const water = devices[0].input;
    const byCode = Object.fromEntries(water.factors.map((f) => [f.code, f]));
    expect(Object.keys(byCode)).toEqual(['w01018', 'w21003', 'w21011', 'w21001', 'w01001', 'w01010', 'w00000']);
    expect(byCode.w01018).toMatchObject({ unit: 'mg/L', hourLimit: 50, dayLimit: 50, rangeMin: 0, rangeMax: 150 });
    expect(byCode.w01010.rangeMax).toBeUndefined();
    expect(byCode.w21003).toMatchObject({ hourLimit: 5, dayLimit: 5 });
    expect(byCode.w21011).toMatchObject({ hourLimit: 0.5, dayLimit: 0.5 });
    expect(byCode.w01001).toMatchObject({ rangeMin: 6, rangeMax: 9 });
    expect(byCode.w01001.hourLimit).toBeUndefined();
    const gas = Object.fromEntries(devices[2].input.factors.map((f) => [f.code, f]));
    expect(Object.keys(gas)).toEqual(['a21026', 'a21002', 'a34013', 'a19001', 'a01012', 'a01011', 'a00000']);
    expect(gas.a21026).toMatchObject({ unit: 'mg/m³', hourLimit: 35, converted: true });
    expect(gas.a21002).toMatchObject({ hourLimit: 50, converted: true });
    expect(gas.a34013).toMatchObject({ hourLimit: 10, converted: true });
    expect(gas.a19001.converted).toBeUndefined();
    for (const d of devices) {
      expect(d.input.realtimeIntervalSeconds).toBe(5);
      for (const f of d.input.factors) expect(f.unit).not.toBe('');
    }
  });

  it('give some devices the process pair SB1/RS (production) and SB2/RS (treatment), threshold 1', () => {
    const withPair = devices.filter((d) => d.input.process);
    expect(withPair.map((d) => d.index).slice(0, 4)).toEqual([1, 5, 9, 13]);
    expect(withPair).toHaveLength(75);
    expect(withPair[0].input.process).toEqual({ production: { code: 'SB1', field: 'RS', threshold: 1 }, treatment: { code: 'SB2', field: 'RS', threshold: 1 } });
  });
});
