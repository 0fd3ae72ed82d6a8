// Test helpers: an analysed document with entities made by hand (every occurrence of each name,
// a leading clitic allowed), so event tests do not depend on the entity stage.
import { analyzeInput } from '../../core/pipeline.js';
import type { ArticleDoc, Entity, EntityType } from '../../core/types.js';
import { norm, normalizeWithMap, toOriginal } from '../../lang/ar/normalize.js';

export interface HandEntity {
  type: EntityType;
  /** Canonical name first, then other surface forms. */
  names: string[];
  coordinates?: { lat: number; lon: number };
}

/** Every occurrence of every name, longest names first, as entities with mentions. */
export function handEntities(text: string, list: readonly HandEntity[]): Entity[] {
  const nt = normalizeWithMap(text);
  const taken: [number, number][] = [];
  const found = list.map((g) => ({ g, mentions: [] as [number, number][] }));
  const names = found.flatMap((x) => x.g.names.map((name) => ({ x, key: norm(name) }))).sort((a, b) => b.key.length - a.key.length);
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (const { x, key } of names) {
    for (let i = nt.text.indexOf(key); i >= 0; i = nt.text.indexOf(key, i + 1)) {
      const before = nt.text[i - 1];
      const okBefore = !isWord(before) || (/[وبلفك]/.test(before!) && !isWord(nt.text[i - 2])) || (before === 'ل' && nt.text[i - 2] === 'ل');
      if (!okBefore || isWord(nt.text[i + key.length])) continue;
      const span = toOriginal(nt, i, i + key.length);
      if (taken.some(([s, e]) => s < span[1] && span[0] < e)) continue;
      taken.push(span);
      x.mentions.push(span);
    }
  }
  return found
    .filter((x) => x.mentions.length)
    .map(({ g, mentions }) => ({
      name: g.names[0]!,
      type: g.type,
      aliases: g.names,
      mentions: mentions.sort((a, b) => a[0] - b[0]),
      ...(g.coordinates ? { coordinates: g.coordinates } : {}),
    }));
}

/** The text run through the real pipeline (clean, sentences, quotes, dates), then hand entities. */
export function makeDoc(text: string, entities: readonly HandEntity[] = [], published: string | null = '2024-03-10'): ArticleDoc {
  const doc = analyzeInput({
    source: 'test.txt',
    kind: 'text',
    body: text,
    meta: { title: null, published, outlet: null, url: null, author: null },
    encoding: 'utf-8',
    diagnostics: [],
  });
  doc.entities = handEntities(doc.text, entities);
  doc.events = [];
  return doc;
}
