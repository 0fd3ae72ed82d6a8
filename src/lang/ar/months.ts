// Month names as single words, for telling a month from a name in speaker phrases: the first
// word of every Gregorian and Hijri month name in dates-data («كانون»، «تشرين»، «ربيع» …).
import { GREGORIAN_MONTHS, HIJRI_MONTHS } from './dates-data.js';
import { norm } from './normalize.js';

// «ذو»/«ذي» (of ذو القعدة) are left out: «ذي قار» is a province, not a month.
export const MONTH_WORDS = new Set(
  [...GREGORIAN_MONTHS, ...HIJRI_MONTHS]
    .flatMap((m) => m.names.map((n) => norm(n.name.split(/\s+/)[0]!)))
    .filter((w) => w.length > 2),
);
