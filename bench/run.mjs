#!/usr/bin/env node
// `npm run bench -- <name> [args]`: runs bench/<name>.ts through tsx (or bench/<name>.mjs with node). Without a known
// name, lists the benches. A .mjs file that says "Run by bench/" in its header is a helper, not a bench.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const isBench = (file) =>
  file.endsWith('.ts') || (file.endsWith('.mjs') && file !== 'run.mjs' && !fs.readFileSync(path.join(dir, file), 'utf8').split('\n').slice(0, 5).join('\n').includes('Run by bench/'));
const files = new Map(
  fs
    .readdirSync(dir)
    .filter(isBench)
    .map((file) => [file.replace(/\.(ts|mjs)$/, ''), file]),
);
const benches = [...files.keys()].sort();

/** The first comment line of a bench says what it measures. */
function summary(name) {
  const first = fs.readFileSync(path.join(dir, files.get(name)), 'utf8').split('\n')[0] ?? '';
  return first.startsWith('//') ? first.replace(/^\/\/\s*/, '') : '';
}

const [name, ...args] = process.argv.slice(2);
if (!name || !benches.includes(name)) {
  if (name) console.error(`No bench named "${name}".\n`);
  console.error('Usage: npm run bench -- <name> [args]\n\nBenches:');
  for (const bench of benches) console.error(`  ${bench.padEnd(12)} ${summary(bench)}`);
  process.exit(name ? 2 : 0);
}

const file = path.join(dir, files.get(name));
const child = spawn(process.execPath, [...(file.endsWith('.ts') ? ['--import', 'tsx'] : []), file, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
