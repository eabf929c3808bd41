import { simulator, type RunningMonitoring } from '@qingyuan/monitoring-service';

/** Demo data loggers have MNs of their own, so they are never mistaken for real devices. */
const DEMO_MN_PREFIX = '33078299';
const DEMO_DEVICES = 8;

/** The demo's devices: one per demo enterprise, by its credit code; 1 exceeds its limit, 2 sticks, 3 goes offline. */
function demoDevices(usccOf: (n: number) => string): simulator.SimulatedDevice[] {
  return simulator.simulatedDevices(DEMO_DEVICES, { mnPrefix: DEMO_MN_PREFIX, intervalSeconds: 30 }).map((d) => {
    const { enterpriseName: _name, ...input } = d.input;
    return { ...d, input: { ...input, uscc: usccOf(d.index) } };
  });
}

/** First start: register the demo devices under the demo enterprises (monitoring learned them from enforcement). */
export async function registerDemoDevices(base: string, token: string, usccOf: (n: number) => string): Promise<void> {
  for (const d of demoDevices(usccOf)) {
    for (let attempt = 0; ; attempt++) {
      const answer = await fetch(new URL('/api/monitoring/devices', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(d.input),
      });
      if (answer.ok) break;
      // 404 until the enterprise's registration has reached monitoring.
      if (answer.status !== 404 || attempt >= 50) throw new Error(`/api/monitoring/devices: HTTP ${answer.status} ${await answer.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Every embedded start with demo data: the demo devices send real HJ 212 frames over TCP to the platform's port, every
 * 30 s, so the console shows live trends and alarms (a constant value within 15 min, an offline device within 2 min,
 * an hourly exceedance at the next full hour). Nothing runs when the registry has no demo devices.
 */
export async function startDemoLoggers(monitoring: RunningMonitoring, usccOf: (n: number) => string): Promise<simulator.Simulation | undefined> {
  const devices = demoDevices(usccOf);
  const known = await monitoring.store!.db.query<{ n: number }>('SELECT count(*)::int AS n FROM monitoring.devices WHERE mn = ANY($1::text[])', [devices.map((d) => d.input.mn)]);
  if (known.rows[0].n !== devices.length || !monitoring.hj212Port) return undefined;
  const simulation = new simulator.Simulation({
    port: monitoring.hj212Port,
    devices,
    interval: 30,
    anomalies: { '1': 'exceedance', '2': 'constant', '3': 'offline' },
  });
  simulation.start();
  return simulation;
}
