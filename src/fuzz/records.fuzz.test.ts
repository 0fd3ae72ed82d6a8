// JSON and JSON Lines records (src/acquire/records.ts, through readStream as a user's file arrives):
// any value, any nesting, any bytes give one result per record or one error, never an exception.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStream, type InputResult } from '../acquire/index.js';
import { lineToResult, recordToInput } from '../acquire/records.js';
import { all } from '../acquire/testing.js';
import { arabicText, corpusTexts, hostileChar, jsonRecord, mutated, nested, repeated } from './arbitraries.js';
import { check, timed, timedAsync, timeout } from './harness.js';

const CTX = { encoding: 'utf-8', diagnostics: [] };
const JSON_FILES = corpusTexts('.json', '.jsonl');

/** Text of a JSON document or JSON Lines file: generated records, edited real files, deep nesting. */
const jsonText = fc.oneof(
  { weight: 4, arbitrary: fc.array(jsonRecord(), { maxLength: 5 }).map((records) => records.map((r) => JSON.stringify(r)).join('\n')) },
  { weight: 2, arbitrary: jsonRecord().map((r) => JSON.stringify(r)) },
  { weight: 4, arbitrary: mutated(fc.constantFrom(...JSON_FILES), fc.oneof(arabicText(5), hostileChar, fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', '\n', '{"text":"نص"}\n'))) },
  { weight: 1, arbitrary: nested('[', ']', '{"text":"نص"}', 1) },
  { weight: 1, arbitrary: nested('{"author":', '}', '"x"', 1).map((s) => `{"text":"نص","x":${s}}`) },
  { weight: 1, arbitrary: repeated(['[', '{"a":', '"\\', '\\u', '{"text":"ا"}\n', '\n', '{', '"']) },
);

function checkResults(results: InputResult[], source: string): void {
  expect(results.length).toBeGreaterThan(0);
  for (const r of results) {
    expect(r.ok ? r.input.source : r.source).toMatch(new RegExp(`^${source}`));
    if (r.ok) {
      expect(r.input.body.trim()).not.toBe('');
      if (r.input.meta.published !== null) expect(r.input.meta.published).toMatch(/^\d{4}-\d\d-\d\d$/);
    } else expect(r.error).toContain(source);
  }
}

describe('JSON and JSON Lines records', () => {
  it('readStream gives one result per record or a clear error, within its time budget', async () => {
    const prop = fc.asyncProperty(jsonText, async (text) => {
      const results = await timedAsync(text.length, 'readStream(json)', () => all(readStream(Readable.from([Buffer.from(text)]), 'in.json')));
      checkResults(results, 'in.json');
    });
    await check('json: readStream', prop, 60);
  }, timeout(60_000));

  it('lineToResult and recordToInput never throw on any value', async () => {
    const prop = fc.property(jsonRecord(), (value) => {
      const line = JSON.stringify(value) ?? 'null';
      const fromLine = timed(line.length, 'lineToResult', () => lineToResult(line, 'in.jsonl#1', CTX));
      if (fromLine) checkResults([fromLine], 'in.jsonl#1');
      checkResults([timed(line.length, 'recordToInput', () => recordToInput(value, 'rec', CTX))], 'rec');
    });
    await check('json: lineToResult/recordToInput', prop, 150);
  }, timeout(60_000));

  it('refuses records nested deeper than the limit with a message naming it', async () => {
    const prop = fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 1000 }), (depth, limit) => {
      const line = `{"text":"نص","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const r = lineToResult(line, 'in.jsonl#1', { ...CTX, maxDepth: limit })!;
      // The record itself is one level: its array is nested `depth` more.
      if (depth + 1 > limit) expect(!r.ok && r.error).toContain(`more than ${limit} levels deep`);
      else expect(r.ok).toBe(true);
    });
    await check('json: depth limit', prop, 100);
  });
});
