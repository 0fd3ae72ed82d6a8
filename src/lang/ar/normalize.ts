// Arabic normalisation for matching only. The text a user reads is never changed; normalised
// text lives beside it with a map from every normalised offset back to the original offset.
//
// Folding decisions (all 1:1 except deletions, so the map stays simple):
// - harakat U+064B–U+065F, superscript alef U+0670, Quranic marks U+0610–U+061A and U+06D6–U+06ED,
//   and tatweel U+0640 are deleted: they are optional in news text and split words in FTS tokenisers;
// - أ إ آ ٱ → ا: hamza seats are written inconsistently (ايواء / إيواء, الامريكية / الأمريكية);
// - ى → ي and ة → ه: final yeh/alef maqsura and taa marbuta are swapped by many writers;
// - Persian ی ک → ي ك: Kurdish and Persian keyboards produce them in Arabic text (عناوین);
// - Arabic-Indic and Extended Arabic-Indic digits → ASCII; Latin letters lower-cased.

export interface NormText {
  /** The normalised text. */
  text: string;
  /** map[i] is the offset in the original of normalised char i; map[text.length] = original length. */
  map: Int32Array;
}

const FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ي': 'ي', 'ة': 'ه', 'ک': 'ك',
};

function isDeleted(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06ed)
  );
}

function foldChar(ch: string, c: number): string {
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(48 + c - 0x0660);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(48 + c - 0x06f0);
  if (c >= 65 && c <= 90) return String.fromCharCode(c + 32);
  return FOLD[ch] ?? ch;
}

/** Normalise with an offset map back to the original. */
export function normalizeWithMap(s: string): NormText {
  const out: string[] = [];
  const map = new Int32Array(s.length + 1);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDeleted(c)) continue;
    out.push(foldChar(s[i]!, c));
    map[n++] = i;
  }
  map[n] = s.length;
  return { text: out.join(''), map: map.subarray(0, n + 1) };
}

/** Normalise a string for comparison (no map). */
export function norm(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDeleted(c)) continue;
    out += foldChar(s[i]!, c);
  }
  return out;
}

/** Map a half-open span in normalised text back to the original text. */
export function toOriginal(nt: NormText, start: number, end: number): [number, number] {
  const s = nt.map[start]!;
  // The end maps to one past the last kept char, so deleted marks that follow it stay outside.
  const e = end > start ? nt.map[end - 1]! + 1 : s;
  return [s, e];
}

/** Normalised comparison key: folded, punctuation to spaces, spaces collapsed. */
export function matchKey(s: string): string {
  return norm(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
