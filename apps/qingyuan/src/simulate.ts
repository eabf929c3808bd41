import { parseArgs } from 'node:util';
import { simulator } from '@qingyuan/monitoring-service';

const { ANOMALY_KINDS, formatStats, resolveAnomalies, simulatedDevices, Simulation } = simulator;
type Anomaly = simulator.Anomaly;
type AnomalyKind = simulator.AnomalyKind;
type SimulationStats = simulator.SimulationStats;
type Simulation = simulator.Simulation;

const USAGE = `qingyuan simulate — HJ 212 数采仪模拟器 / HJ 212 data-logger simulator

  qingyuan simulate --devices N --interval S [选项 options]

  --devices N            设备数量 / number of devices (1–100000)
  --interval S           实时数据间隔（秒）/ real-time upload interval, seconds
  --host H               平台地址 / platform host (127.0.0.1)
  --port P               平台 HJ 212 端口 / the platform's HJ 212 port (9212)
  --anomaly K:D[:F],…    注入异常：类型:设备序号[:因子] / anomalies, kind:device number[:factor code]
                         ${ANOMALY_KINDS.join(', ')}
                         例 e.g. exceedance:3,constant:5,offline:7,exceedance:4:w21003
  --fast                 快速模式：每帧数据时间推进一个间隔 / fast mode: DataTime advances one interval per reading
  --rate R               快速模式总帧率（帧/秒，默认不限）/ fast mode: frames per second over all devices (unlimited)
  --start-at T           快速模式首个数据时间 / fast mode: first DataTime (ISO 8601, default now)
  --duration S           运行 S 秒后停止（默认直到 Ctrl-C）/ stop after S seconds (default: at Ctrl-C)
  --ack-timeout S        等待 9014 应答的秒数 / seconds to wait for a 9014 before resending (10)
  --retries N            重发次数 / resends before a frame is given up (3)
  --mn-prefix P          MN 前缀 / MN prefix (33078200)
  --print-devices        打印设备注册信息（JSON）并退出 / print the device registrations as JSON and exit

  设备 1..N：约 2/3 废水、1/3 废气；每 5 秒输出一行统计。
  Devices 1..N: about 2/3 wastewater, 1/3 flue gas; one summary line every 5 s.
`;

class UsageError extends Error {}

function whole(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`--${name} 须为 ${min}–${max} 的整数 / must be a whole number from ${min} to ${max}`);
  return n;
}

function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`--${name} 须为正数 / must be a positive number`);
  return n;
}

/** `exceedance:3,constant:5,offline:7,exceedance:4:w21003` → device number → anomaly. */
export function parseAnomalies(text: string | undefined): Record<string, Anomaly> {
  const out: Record<string, Anomaly> = {};
  for (const item of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [kind, device, factor, ...rest] = item.split(':');
    if (!ANOMALY_KINDS.includes(kind as AnomalyKind) || !/^\d+$/.test(device ?? '') || rest.length > 0) {
      throw new UsageError(`--anomaly ${item}：应为 类型:设备序号[:因子] / expected kind:device number[:factor], kinds ${ANOMALY_KINDS.join(', ')}`);
    }
    out[String(Number(device))] = factor ? { kind: kind as AnomalyKind, factor } : { kind: kind as AnomalyKind };
  }
  return out;
}

const clock = () => new Date().toTimeString().slice(0, 8);

/** `qingyuan simulate …`: 0 after a run, 2 on bad arguments (with the usage text). */
export async function simulate(argv: string[], out: (line: string) => void, err: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<number> {
  let simulation: Simulation;
  let duration: number | undefined;
  let ackTimeoutMs: number;
  try {
    const { values: a } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        devices: { type: 'string' }, interval: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' },
        anomaly: { type: 'string' }, fast: { type: 'boolean' }, rate: { type: 'string' }, 'start-at': { type: 'string' },
        duration: { type: 'string' }, 'ack-timeout': { type: 'string' }, retries: { type: 'string' }, 'mn-prefix': { type: 'string' },
        'print-devices': { type: 'boolean' },
      },
    });
    const devices = whole('devices', a.devices, 1, 100_000);
    const interval = whole('interval', a.interval, 1, 86_400);
    if (devices === undefined || interval === undefined) throw new UsageError('--devices 与 --interval 必填 / --devices and --interval are required');
    const mnPrefix = a['mn-prefix'];
    if (mnPrefix !== undefined && !/^[0-9A-Za-z]{0,18}$/.test(mnPrefix)) throw new UsageError('--mn-prefix 须为至多 18 位字母或数字 / must be up to 18 letters or digits');
    const defs = simulatedDevices(devices, { intervalSeconds: interval, mnPrefix });
    if (a['print-devices']) {
      out(JSON.stringify(defs.map((d) => d.input), null, 2));
      return 0;
    }
    const anomalies = parseAnomalies(a.anomaly);
    resolveAnomalies(defs, anomalies);
    const startAt = a['start-at'] === undefined ? undefined : new Date(a['start-at']);
    if (startAt && Number.isNaN(startAt.getTime())) throw new UsageError('--start-at 须为 ISO 8601 时间 / must be an ISO 8601 time');
    if ((a.rate !== undefined || startAt) && !a.fast) throw new UsageError('--rate 与 --start-at 仅用于 --fast / --rate and --start-at need --fast');
    duration = positive('duration', a.duration);
    ackTimeoutMs = (positive('ack-timeout', a['ack-timeout']) ?? 10) * 1000;
    simulation = new Simulation({
      host: a.host ?? '127.0.0.1',
      port: whole('port', a.port, 1, 65_535) ?? 9212,
      devices: defs,
      anomalies,
      fast: a.fast ?? false,
      rate: positive('rate', a.rate),
      startAt,
      logger: { ackTimeoutMs, retries: whole('retries', a.retries, 0, 99) },
    });
    out(`模拟 simulating ${devices} devices → ${a.host ?? '127.0.0.1'}:${a.port ?? 9212}, interval ${interval} s` +
      (a.fast ? `, fast mode${a.rate ? ` at ${a.rate} frames/s` : ''}` : '') +
      (Object.keys(anomalies).length > 0 ? `, anomalies ${Object.entries(anomalies).map(([d, x]) => `${x.kind}:${d}${x.factor ? `:${x.factor}` : ''}`).join(',')}` : ''));
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof RangeError) && !(error instanceof TypeError)) throw error;
    err(`参数错误 / bad arguments: ${error.message}`);
    err(USAGE);
    return 2;
  }

  const began = Date.now();
  simulation.start();
  let last = { sent: 0, at: began };
  const report = setInterval(() => {
    const s = simulation.stats();
    const now = Date.now();
    out(`${clock()} ${formatStats(s)} (${Math.round(((s.sent - last.sent) * 1000) / (now - last.at))} frames/s)`);
    last = { sent: s.sent, at: now };
  }, 5000);
  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = duration === undefined ? undefined : setTimeout(done, duration * 1000);
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  clearInterval(report);
  const ran = (Date.now() - began) / 1000;
  const connected = simulation.stats().connected;
  // a short wait for outstanding acks, so the final figures are not cut mid-flight
  await simulation.stop({ drainMs: Math.min(ackTimeoutMs, 3000) });
  const s: SimulationStats = { ...simulation.stats(), connected };
  out(`总计 total after ${ran.toFixed(1)} s: ${formatStats(s)}, ${Math.round(s.sent / ran)} frames/s` +
    (s.ackMax !== undefined ? `, ack max ${s.ackMax.toFixed(1)} ms` : ''));
  return 0;
}
