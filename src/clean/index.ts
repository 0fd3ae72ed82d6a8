// The clean stage: drops boilerplate lines by general rules, finds the headline, and fixes
// document.text. After this stage the text never changes: every later span points into it.
import type { ArticleDoc, RemovedLine } from '../core/types.js';
import { matchKey, matchKeyOfNormalised, norm } from '../lang/ar/normalize.js';
import { wordCount } from '../lang/ar/tokenize.js';
import { LEARN_MAX_WORDS, lineKey } from './learned.js';
import { HEADLINE_WORDS, KICKER_MAX_WORDS, LINE_RULES } from './rules.js';


/** The rule that marks a line as boilerplate, or null. */
const MAX_RULE_WORDS = Math.max(...LINE_RULES.map((r) => r.maxWords));

export function boilerplateRule(line: string, words = wordCount(line), folded?: string): string | null {
  if (words > MAX_RULE_WORDS) return null; // content lines are never furniture: skip the work
  const key = (folded ?? norm(line)).toLowerCase().replace(/\s+/g, ' ').trim();
  for (const r of LINE_RULES) if (words <= r.maxWords && r.pattern.test(key)) return r.name;
  return null;
}

/** Lines of at most this many words are compared folded when looking for repeats. */
const FOLDED_REPEAT_WORDS = 30;

const isHeadline = (line: string): boolean => {
  const n = wordCount(line);
  return n >= HEADLINE_WORDS[0] && n <= HEADLINE_WORDS[1] && !/[.!؟?،,]\s*$/.test(line);
};

interface Line {
  text: string;
  blankBefore: boolean;
  words: number;
}

export function clean(doc: ArticleDoc, learned?: ReadonlySet<number>): ArticleDoc {
  const lines = splitLines(doc.raw);
  const removed: RemovedLine[] = [];
  const drop = (i: number, rule: string) => removed.push({ line: lines[i]!.text, rule });
  const keep = new Array<boolean>(lines.length).fill(true);

  // The folded form of every short line, made once for both the boilerplate rules and the repeat check.
  const folded: (string | null)[] = []; // by push: optimised map makes holey arrays, interpreted map packed ones
  for (const l of lines) folded.push(l.words <= Math.max(MAX_RULE_WORDS, FOLDED_REPEAT_WORDS) ? norm(l.text) : null);
  lines.forEach((l, i) => {
    const rule = boilerplateRule(l.text, l.words, folded[i] ?? undefined);
    if (rule) {
      keep[i] = false;
      drop(i, rule);
    }
  });
  if (learned?.size) dropLearned(lines, keep, drop, learned);
  dropWidgetTail(lines, keep, drop);

  let title = doc.title;
  let first = keep.indexOf(true);
  // A short brand or section kicker above the headline or lede («رووداو ديجيتال»).
  while (first >= 0 && lines[first]!.words <= KICKER_MAX_WORDS && !/[.؟?!]$/.test(lines[first]!.text)) {
    keep[first] = false;
    drop(first, 'kicker');
    first = keep.indexOf(true);
  }
  if (first >= 0 && title === null && isHeadline(lines[first]!.text) && keep.indexOf(true, first + 1) >= 0) {
    title = lines[first]!.text.trim();
  }
  // Repeated lines (headline repeated by the page template, subheadings printed twice): the first
  // copy stays, except the headline itself, which is kept as the title and not in the text.
  const seen = new Set<string>();
  const titleKey = title ? matchKey(title) : null;
  lines.forEach((l, i) => {
    if (!keep[i]) return;
    // Headlines and subheadings repeat with small spelling changes: compare them folded. A long
    // paragraph printed twice repeats to the letter, so its key is the text itself (cheaper).
    const k = l.words <= FOLDED_REPEAT_WORDS ? matchKeyOfNormalised(folded[i]!) : l.text;
    if (!k) return;
    if (k === titleKey) {
      keep[i] = false;
      drop(i, 'headline');
    } else if (seen.has(k) && l.words >= 2) {
      keep[i] = false;
      drop(i, 'repeated-line');
    } else seen.add(k);
  });

  doc.title = title;
  doc.text = lines.filter((_, i) => keep[i]).map((l) => l.text.trim()).join('\n\n');
  doc.removed = removed;
  return doc;
}

/** Lines learned as boilerplate of the article's outlet (see learned.ts). */
function dropLearned(lines: Line[], keep: boolean[], drop: (i: number, rule: string) => void, learned: ReadonlySet<number>): void {
  lines.forEach((l, i) => {
    if (keep[i] && l.words <= LEARN_MAX_WORDS && learned.has(lineKey(l.text))) {
      keep[i] = false;
      drop(i, 'outlet-boilerplate');
    }
  });
}

function splitLines(raw: string): Line[] {
  const out: Line[] = [];
  let blank = true;
  for (const l of raw.split(/\r\n|\r|\n/)) {
    if (!l.trim()) {
      blank = true;
      continue;
    }
    const text = l.trim();
    out.push({ text, blankBefore: blank, words: wordCount(text) });
    blank = false;
  }
  return out;
}

/** Below a comment widget or counter near the end, the remaining short lines are widget chrome too. */
function dropWidgetTail(lines: Line[], keep: boolean[], drop: (i: number, rule: string) => void): void {
  const from = Math.floor(lines.length * 0.5);
  let inTail = false;
  for (let i = from; i < lines.length; i++) {
    if (!keep[i]) {
      inTail = true;
      continue;
    }
    if (inTail && lines[i]!.words <= 6) {
      keep[i] = false;
      drop(i, 'widget-tail');
    } else inTail = false;
  }
}
