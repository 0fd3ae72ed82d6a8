// May an unclosed quotation run on into this paragraph? Only when the paragraph has no
// attribution of its own: a paragraph that starts reporting someone else starts a new statement.
import type { Span } from '../../core/types.js';
import { tokenize } from '../../lang/ar/tokenize.js';
import { cueOf } from './words.js';

export function carriesQuote(text: string, [s, e]: Span): boolean {
  const toks = tokenize(text, s, Math.min(e, s + 400)).filter((t) => t.word);
  return !toks.some((t) => cueOf(t) !== null);
}
