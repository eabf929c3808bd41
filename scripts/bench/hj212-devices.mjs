// The simulated data loggers of `npm run bench:hj212`, in their own thread (devices are other machines, not the
// platform's CPU). Messages: { stats } every second and on stop; the parent sends 'stop'.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parentPort, workerData } from 'node:worker_threads';
import monitoring from '@qingyuan/monitoring-service';

const { simulator } = monitoring;
const { port, devices, rate, anomalies, startAt, profile } = workerData;
const simulation = new simulator.Simulation({
  host: '127.0.0.1', port, devices, interval: 30, fast: true, rate, anomalies, startAt: new Date(startAt), connectRate: 2000,
});
simulation.start();
const timer = setInterval(() => parentPort.postMessage({ stats: simulation.stats() }), 1000);
const profiler = profile ? new Session() : undefined;
parentPort.on('message', async (message) => {
  if (message === 'profile' && profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  if (message !== 'stop') return;
  if (profiler) writeFileSync(profile, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  clearInterval(timer);
  await simulation.stop({ drainMs: 5000 });
  parentPort.postMessage({ stats: simulation.stats(), stopped: true });
});
