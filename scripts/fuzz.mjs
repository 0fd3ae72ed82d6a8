#!/usr/bin/env node
// A long fuzz run: the property tests of src/fuzz with many times their default cases, then the
// number of cases run per parser and the time taken.
//
//   npm run fuzz              20 times the default cases (about 20 minutes on two cores)
//   npm run fuzz -- 100       100 times
//   RASD_FUZZ_SEED=42 npm run fuzz -- 5     replay with a fixed seed
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scale = Number(process.argv[2] ?? 20);
if (!Number.isFinite(scale) || scale <= 0) {
  console.error(`fuzz: the scale must be a positive number (e.g. npm run fuzz -- 50), not "${process.argv[2]}".`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'rasd-fuzz-'));
const report = join(dir, 'counts.jsonl');
const start = performance.now();
const run = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', 'src/fuzz'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, RASD_FUZZ_SCALE: String(scale), RASD_FUZZ_REPORT: report },
});
const seconds = (performance.now() - start) / 1000;

/** Cases per parser, summed over the test files that reported them. */
const counts = new Map();
let text = '';
try {
  text = readFileSync(report, 'utf8');
} catch {
  // No file reported: every test failed before counting, which vitest's output shows.
}
for (const line of text.split('\n').filter(Boolean)) {
  for (const [parser, n] of Object.entries(JSON.parse(line))) counts.set(parser, (counts.get(parser) ?? 0) + n);
}
rmSync(dir, { recursive: true, force: true });

const width = Math.max(6, ...[...counts.keys()].map((k) => k.length));
console.log(`\nfuzz cases run at scale ${scale} (passing properties only):`);
for (const [parser, n] of [...counts].sort()) console.log(`  ${parser.padEnd(width)}  ${String(n).padStart(8)}`);
const total = [...counts.values()].reduce((a, b) => a + b, 0);
console.log(`  ${'total'.padEnd(width)}  ${String(total).padStart(8)}`);
console.log(`in ${seconds.toFixed(0)} s; vitest exited with ${run.status ?? run.signal}.`);
process.exit(run.status ?? 1);
