// The frame every fuzz test runs in: how many cases (scaled by RASD_FUZZ_SCALE), how long one case
// may take, and a count of the cases run per parser, which `npm run fuzz` (scripts/fuzz.mjs) prints.
//
//   RASD_FUZZ_SCALE=20 npx vitest run src/fuzz     twenty times the default cases
//   RASD_FUZZ_SEED=123 npx vitest run src/fuzz     replay a run (fast-check prints the seed of a failure)

import { appendFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';

/** The multiplier of every property's default case count; default 1 (the whole folder in about a minute). */
export const SCALE = positive(process.env.RASD_FUZZ_SCALE) ?? 1;

const SEED = process.env.RASD_FUZZ_SEED === undefined ? undefined : Number(process.env.RASD_FUZZ_SEED);

/** Where scripts/fuzz.mjs collects the counts: one JSON line per test file. */
const REPORT = process.env.RASD_FUZZ_REPORT;

/** Vitest's own per-test timeout must cover the cases a scaled run makes. */
export function timeout(base: number): number {
  return Math.max(30_000, base * SCALE);
}

const counts = new Map<string, number>();

afterAll(() => {
  if (REPORT && counts.size) appendFileSync(REPORT, JSON.stringify(Object.fromEntries(counts)) + '\n');
});

/** Runs a property `base × SCALE` times and counts the cases against `parser`; a failure reports the smallest input found. */
export async function check<T>(parser: string, property: fc.IAsyncPropertyWithHooks<T> | fc.IPropertyWithHooks<T>, base: number): Promise<void> {
  const numRuns = Math.max(1, Math.round(base * SCALE));
  const params = SEED === undefined ? { numRuns } : { numRuns, seed: SEED };
  await fc.assert(property as fc.IAsyncPropertyWithHooks<T>, params);
  counts.set(parser, (counts.get(parser) ?? 0) + numRuns);
}

/**
 * The time one case may take: five seconds, plus 50 ms per kilobyte of input. The parsers take
 * a few milliseconds per kilobyte at most (HTML through Readability is the slowest, with a fixed
 * cost near half a second), but a two-core machine shared with other work stalls them for
 * seconds now and then; a quadratic one on a few hundred kilobytes takes tens of seconds, so the
 * margin is wide both ways.
 */
export function budgetMs(inputLength: number): number {
  return 5000 + (50 * inputLength) / 1024;
}

/**
 * Runs `f` and fails when it took longer than the budget for an input of this length, twice in a
 * row: a machine shared with other work can stall any one run for a second or two, but a
 * quadratic parser is slow every time.
 */
export function timed<R>(inputLength: number, what: string, f: () => R): R {
  let start = performance.now();
  let result = f();
  let ms = performance.now() - start;
  if (ms >= budgetMs(inputLength)) {
    start = performance.now();
    result = f();
    ms = Math.min(ms, performance.now() - start);
  }
  expectWithin(ms, inputLength, what);
  return result;
}

export async function timedAsync<R>(inputLength: number, what: string, f: () => Promise<R>): Promise<R> {
  let start = performance.now();
  let result = await f();
  let ms = performance.now() - start;
  if (ms >= budgetMs(inputLength)) {
    start = performance.now();
    result = await f();
    ms = Math.min(ms, performance.now() - start);
  }
  expectWithin(ms, inputLength, what);
  return result;
}

function expectWithin(ms: number, inputLength: number, what: string): void {
  const budget = budgetMs(inputLength);
  expect(ms, `${what} took ${ms.toFixed(0)} ms on an input of ${inputLength} (budget ${budget.toFixed(0)} ms)`).toBeLessThan(budget);
}

function positive(value: string | undefined): number | null {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : null;
}

/** Bytes as a stream in chunks of one size, as a file or a pipe delivers them. */
export function chunkedStream(bytes: Buffer, size: number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}
