#!/usr/bin/env node
// `npm run bench -- <name> [args]`: runs bench/<name>.ts through tsx. Without a known name, lists the benches.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const benches = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .sort();

/** The first comment line of a bench says what it measures. */
function summary(name) {
  const first = fs.readFileSync(path.join(dir, `${name}.ts`), 'utf8').split('\n')[0] ?? '';
  return first.startsWith('//') ? first.replace(/^\/\/\s*/, '') : '';
}

const [name, ...args] = process.argv.slice(2);
if (!name || !benches.includes(name)) {
  if (name) console.error(`No bench named "${name}".\n`);
  console.error('Usage: npm run bench -- <name> [args]\n\nBenches:');
  for (const bench of benches) console.error(`  ${bench.padEnd(12)} ${summary(bench)}`);
  process.exit(name ? 2 : 0);
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, `${name}.ts`), ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
