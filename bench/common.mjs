// What every benchmark starts with: the project root, the corpus, the --n argument, and running
// pinned to one core.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const corpus = join(root, '..', 'shared', 'corpus', 'saudinewsnet-2015.jsonl.gz');
export const pinned = !!process.env.RASD_BENCH_PINNED;

/**
 * "One core" is meant literally: the benchmark reruns itself pinned to CPU 0 with taskset when the
 * machine has it, so that V8's background GC and compiler threads share the core instead of
 * borrowing another. Then it checks that the corpus and the build are there.
 */
export function start() {
  if (!pinned && existsSync('/usr/bin/taskset')) {
    const r = spawnSync('/usr/bin/taskset', ['-c', '0', process.execPath, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, RASD_BENCH_PINNED: '1' },
    });
    process.exit(r.status ?? 1);
  }
  if (!existsSync(corpus)) {
    console.log(`bench: ${corpus} is not there; put the shared/ folder beside the project to run the benchmark.`);
    process.exit(0);
  }
  if (!existsSync(join(root, 'dist', 'core', 'pipeline.js'))) {
    console.error('bench: build first (npm run build).');
    process.exit(1);
  }
}

/** A numeric command-line argument (`--n 5000`). */
export function arg(name, d) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : d;
}

/** The address a started `rasd serve` prints ("… at http://127.0.0.1:PORT/"), or an error with its output if it exits first. */
export function serverAddress(server) {
  return new Promise((done, fail) => {
    let err = '';
    server.stderr.on('data', (d) => {
      err += d;
      const m = /at (http:\/\/[^/]+)\//.exec(err);
      if (m) done(m[1]);
    });
    server.on('exit', (code) => fail(new Error(`rasd serve exited (${code}): ${err}`)));
  });
}
