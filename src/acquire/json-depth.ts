// How deeply a JSON text nests, found by scanning it before JSON.parse. V8 parses any depth,
// but the code that walks a record afterwards (names in nested lists, JSON-LD graphs) recurses,
// and a record nested a million levels deep is an attack, not an article: such text is refused.

/** The default deepest nesting read (--max-depth): of JSON arrays and objects (real records nest under 20), and of HTML elements (Chromium stops nesting at 512). */
export const DEFAULT_MAX_DEPTH = 512;

/**
 * True when the text opens more than `max` arrays or objects inside one another. Brackets inside
 * strings do not count; one pass, no allocation, so it costs less than the parse it guards.
 */
export function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
