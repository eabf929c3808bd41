import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A service started as its own process, as in the distributed run; its output is kept for leak checks. */
export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
}

const ROOT = join(__dirname, '..', '..', '..', '..');

/** `script` is the service's entry point in dist (the HJ 212 gateway is monitoring's `gateway-main.js`); its URL may be tcp:// */
export function startServiceProcess(name: string, service: string, env: Record<string, string>, script = 'main.js'): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'services', service, 'dist', script)], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${output.join('').slice(-2000)}`)), 60000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const match = output.join('').match(/"msg":"listening","url":"((?:http|tcp):\/\/[^"]+)"/);
      if (match) {
        clearTimeout(timer);
        resolve({ name, url: match[1], child, output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}: ${output.join('').slice(-2000)}`));
    });
  });
}

export async function stopServiceProcess(p: ServiceProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null) return;
  const exited = new Promise((resolve) => p.child.once('exit', resolve));
  p.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10000)))]);
  clearTimeout(timer);
  if (p.child.exitCode === null) p.child.kill('SIGKILL');
}
