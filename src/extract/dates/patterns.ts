// Regular expressions for date expressions, compiled once from the language data in
// lang/ar/dates-data.ts. They run on NORMALISED text (see normalize.ts): no harakat or tatweel,
// أ/إ/آ → ا, ى → ي, ة → ه, ASCII digits, lower-case Latin. Every word below is therefore written
// in folded form, or passed through `norm` when it comes from the data module.
//
// Speed: a cheap HEAD pattern finds the words every date expression must contain (a month name,
// a weekday, اليوم/أمس, الأسبوع/الشهر/العام, منذ/قبل, a 4-digit number, a numeric date); the
// detailed patterns (sticky) are then tried only at the few word starts just before each head.

import { norm } from '../../lang/ar/normalize.js';
import * as D from '../../lang/ar/dates-data.js';

/** Whitespace, including the bidi marks (LRM, RLM, ALM) that Arabic pages leave between words. */
export const SP = '[\\s\\u200e\\u200f\\u061c]';
export const SP_RE = /[\s\u200e\u200f\u061c]+/g;
/** Letters and digits of normalised text: a word boundary is the edge of a run of these. */
const LET = '\\u0621-\\u064a\\u066e-\\u06d3a-z0-9';
const B = `(?<![${LET}])`;
const E = `(?![${LET}])`;
/** Clitics written joined to the next word: و/ف "and", ب "in/by", ل "for" («والخميس», «بالأمس»). */
const CLITIC = '(?<cl>[وف]?[بل]?)';

/** Lookup key for a matched phrase: spaces collapsed, and «و العشرين» joined to «والعشرين». */
export function key(s: string): string {
  return s.replace(SP_RE, ' ').trim().replace(/ و (?=ال)/g, ' و');
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Pattern units of a folded phrase: one per letter, any run of spaces between words, and an
 * optional space after a joined و («الحادي و العشرين»).
 */
function units(folded: string): string[] {
  const out: string[] = [];
  folded.split(' ').forEach((tok, i) => {
    let t = tok;
    if (i > 0) out.push(`${SP}+`);
    if (i > 0 && t.startsWith('وال')) {
      out.push('و', `${SP}*`);
      t = t.slice(1);
    }
    for (const ch of t) out.push(esc(ch));
  });
  return out;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

function emit(node: TrieNode): string {
  if (node.next.size === 0) return '';
  const branches = [...node.next].map(([u, child]) => u + emit(child));
  const body = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join('|')})`;
  return node.end ? `${body}?` : body;
}

/**
 * Alternation of words as a prefix tree («ي(?:ناير|و(?:نيو|ليو))»): the regex engine then
 * checks a few characters per position instead of every word in turn. Longer words are tried
 * first wherever one word is a prefix of another, so «كانون الثاني» wins over a shorter reading.
 */
function alt(words: Iterable<string>): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const w of new Set([...words].map((x) => key(norm(x))))) {
    if (!w) continue;
    let n = root;
    for (const u of units(w)) {
      let c = n.next.get(u);
      if (!c) n.next.set(u, (c = { next: new Map(), end: false }));
      n = c;
    }
    n.end = true;
  }
  return emit(root);
}

function lookup<T>(entries: Iterable<readonly [string, T]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [w, v] of entries) m.set(key(norm(w)), v);
  return m;
}

// ---- Lookup tables (folded form → value) ------------------------------------------------------

export interface MonthInfo {
  month: number;
  ambiguous: boolean;
}
const monthEntries = (months: readonly D.Month[]): [string, MonthInfo][] =>
  months.flatMap((m) => m.names.map((n): [string, MonthInfo] => [n.name, { month: m.month, ambiguous: !!n.ambiguous }]));

export const G_MONTHS = lookup(monthEntries(D.GREGORIAN_MONTHS));
export const H_MONTHS = lookup(monthEntries(D.HIJRI_MONTHS));
export const WEEKDAYS = lookup(D.WEEKDAYS.flatMap((forms, i) => forms.map((f): [string, number] => [f, i])));
export const ORDINALS = lookup(D.ORDINAL_DAYS.flatMap(([n, forms]) => forms.map((f): [string, number] => [f, n])));
export const CARDINALS = lookup(D.CARDINALS.flatMap(([n, forms]) => forms.map((f): [string, number] => [f, n])));
export const UNITS = lookup(D.UNIT_WORDS.map((u): [string, D.UnitWord] => [u.word, u]));
export const PARTS = lookup(D.PERIOD_PARTS);
export const REL = lookup<-1 | 0 | 1>([
  ...D.PAST_WORDS.map((w): [string, -1] => [w, -1]),
  ...D.FUTURE_WORDS.map((w): [string, 1] => [w, 1]),
  ...D.CURRENT_WORDS.map((w): [string, 0] => [w, 0]),
]);
export const REL_DAYS = lookup(D.RELATIVE_DAYS);
export const PERIOD_NOUNS = lookup(D.PERIOD_NOUNS);

const foldSet = (words: readonly string[]): Set<string> => new Set(words.map((w) => key(norm(w))));
export const SETS = {
  weekdayNotBefore: foldSet(D.WEEKDAY_NOT_BEFORE),
  weekdayNotAfter: foldSet(D.WEEKDAY_NOT_AFTER),
  weekdayNotAfterAny: foldSet(D.WEEKDAY_NOT_AFTER_ANY),
  generalHeads: foldSet(D.GENERAL_ADJ_HEADS),
  endDay: foldSet(D.END_DAY_WORDS),
  deadline: foldSet(D.DEADLINE_WORDS),
  monthCue: foldSet(D.MONTH_CUE_WORDS),
  yearCue: foldSet([...D.YEAR_CUE_WORDS, 'من']),
  yearFollowers: foldSet(D.YEAR_FOLLOWERS),
  concordance: foldSet(D.CONCORDANCE_WORDS),
  todayNotAfter: foldSet(D.TODAY_NOT_AFTER),
  todayNotBefore: foldSet(D.TODAY_NOT_BEFORE),
  eponymHeads: foldSet(D.EPONYM_HEADS),
  needsDayPart: foldSet(D.NEEDS_DAY_PART),
  yesterdayNotBefore: foldSet(D.YESTERDAY_NOT_BEFORE),
  adMarks: foldSet(D.AD_MARKS),
  ahMarks: foldSet(D.AH_MARKS),
  publishedLabels: [...foldSet(D.PUBLISHED_LABELS)].sort((a, b) => b.length - a.length),
};

// ---- Pattern pieces ---------------------------------------------------------------------------

const GM = alt(G_MONTHS.keys());
const HM = alt(H_MONTHS.keys());
const WD = alt(WEEKDAYS.keys());
const ORD = alt(ORDINALS.keys());
const CARD = alt(CARDINALS.keys());
const UNIT = alt(UNITS.keys());
const PART = alt(PARTS.keys());
const RELW = alt(REL.keys());
const RELDAY = alt(REL_DAYS.keys());
const DAYPART = alt(D.DAY_PARTS);
const QUAL = alt(D.TIME_QUALIFIERS);
const APPROX = alt(D.APPROX_WORDS);
const AD = alt(D.AD_MARKS);
const AH = alt(D.AH_MARKS.filter((m) => norm(m) !== '')); // «هـ» folds to «ه»
const F = (w: string): string => alt([w]);
const [MIN, YAWM, SHAHR, HADHA, HADHIHI, ILA, HATTA, ALA, AN] = ['من', 'يوم', 'شهر', 'هذا', 'هذه', 'إلى', 'حتى', 'على', 'عن'].map(F);

/** A day of the month: 1–2 digits (also «الـ14», «الـ 14»), or an ordinal word («الحادي عشر»). */
const DAY = `(?:ال${SP}?)?(?:\\d{1,2}(?!\\d)|(?:${ORD})${E})`;
/** «في وقت سابق من …» "earlier (today)": a qualifier that does not move the day. */
const TIME_QUAL = `(?<tq>(?:في${SP}+)?وقت${SP}+(?:${QUAL})${SP}+(?:${MIN}${SP}+)?)?`;
const RANGE_SEP = `${SP}*(?:[-–]|${ILA}${SP}|${HATTA}${SP}|و)${SP}*`;
const YEAR_NOUN = `(?:ال)?(?:عام|سنه)`;
const YEAR_NOUNS = alt(D.YEAR_NOUNS);
/** Period nouns without their article, so that «للعام» (ل + العام, alef dropped) matches too. */
const PERIOD_STEMS = alt([...PERIOD_NOUNS.keys()].map((w) => w.replace(/^ال/, '')));

/** Year after a month: «أيار 2021», «أيار من عام 2021م», or relative «آذار من العام الماضي». */
const G_YEAR_PART =
  `(?:${SP}*[,،]?${SP}*(?:${MIN}${SP}+)?(?:${YEAR_NOUN}${SP}*)?(?<y>1\\d{3}|2[01]\\d{2})(?!\\d)` +
  `(?:${SP}*(?:${AD})${E})?` +
  `|${SP}+(?:(?<rel>${RELW})${E}|(?:${MIN}${SP}+)?(?:(?<ythis>${HADHA}${SP}+العام|${HADHIHI}${SP}+السنه)` +
  `|(?:العام|السنه)${SP}+(?<yrel>${RELW}))${E}))?`;

/** Gregorian day–month–year with weekday-free prefixes; pairs «أيار/ مايو», «يوليو (تموز)». */
export const CAL_G = new RegExp(
  `${B}${CLITIC}(?:(?<per>${PART})${SP}+(?:${SHAHR}${SP}+)?)?` +
    `(?:(?<rng>${DAY})${RANGE_SEP})??` + // lazy: «الخامس والعشرين» is one day, not 5–20
    `(?:${YAWM}${SP}+)?(?:(?<day>${DAY})${SP}*(?:${MIN}${SP}+)?)?` +
    `(?<shahr>${SHAHR}${SP}+)?(?<m1>${GM})${E}` +
    `(?:${SP}*[/\\\\|(\\-–]${SP}*(?<m2>${GM})${E}(?:${SP}*\\))?)?` +
    G_YEAR_PART,
  'y',
);

/** Hijri day–month–year: «15 رمضان 1436 هـ», «غرة شوال», «شهر رمضان المقبل». */
export const CAL_H = new RegExp(
  `${B}${CLITIC}(?:(?<per>${PART})${SP}+(?:${SHAHR}${SP}+)?)?` +
    `(?:${YAWM}${SP}+)?(?:(?<day>${DAY})${SP}*(?:${MIN}${SP}+)?)?` +
    `(?<shahr>${SHAHR}${SP}+)?(?<m1>${HM})${E}` +
    `(?:${SP}*[,،]?${SP}*(?:${MIN}${SP}+)?(?:${YEAR_NOUN}${SP}*)?(?<y>\\d{3,4})(?!\\d)(?:${SP}*(?<ah>${AH})${E})?` +
    `|${SP}+(?<rel>${RELW})${E})?`,
  'y',
);

/** A weekday, with «يوم», a part of day, a day word («اليوم (…)», «أمس الجمعة»), and الماضي/المقبل. */
export const WEEKDAY = new RegExp(
  `${B}${CLITIC}${TIME_QUAL}(?:(?<dp>${DAYPART})${SP}+)?` +
    `(?:(?<rd>${RELDAY})${SP}*[,،]?${SP}*(?<op>[(«"“])?${SP}*)?(?<yawm>(?:${YAWM}|يومي)${SP}+)?` +
    `(?<wd>${WD})${E}(?:${SP}+(?<rel>${RELW})${E})?`,
  'y',
);

/** اليوم، أمس، أمس الأول، غدا… with an optional part of day («مساء أمس»). */
export const REL_DAY = new RegExp(
  `${B}${CLITIC}${TIME_QUAL}(?:(?<dp>${DAYPART})${SP}+)?(?<w>${RELDAY}|(?<=ل)ليوم)${E}`,
  'y',
);

/**
 * «منذ ثلاثة أيام», «قبل يومين», «منذ نحو أسبوعين». Not when a year number follows («منذ عام
 * 2014» is a year) or when من/على follows: «قبل ثلاثة أشهر من الانتخابات» counts from another event.
 */
export const AGO = new RegExp(
  `${B}(?<cl>[وف]?)(?<dir>${alt(D.AGO_WORDS)})${SP}+(?:(?:${APPROX})${SP}+)?` +
    `(?:(?<n>\\d{1,3})(?!\\d)${SP}*|(?<nw>${CARD})${SP}+)?(?<u>${UNIT})${E}` +
    `(?!${SP}*\\d)(?!${SP}+(?:${MIN}|${ALA}|${AN}|${WD}|امس|غد|${GM}|${HM})${E})`,
  'y',
);

/** الأسبوع الماضي، الشهر الجاري، هذا العام، نهاية العام، مطلع الشهر المقبل. */
export const PERIOD = new RegExp(
  `${B}${CLITIC}${TIME_QUAL}(?:(?<per>${PART})${SP}+)?(?:(?<this>${HADHA}|${HADHIHI})${SP}+)?` +
    `(?<noun>(?:ال|(?<=ل)ل)(?:${PERIOD_STEMS}))${E}(?!${SP}*\\d)(?:${SP}+(?<rel>${RELW})${E})?`,
  'y',
);

/** «الخامس من الشهر الجاري», «في 3 من الشهر الماضي». */
export const MONTH_DAY = new RegExp(
  `${B}${CLITIC}(?:${YAWM}${SP}+)?(?<day>${DAY})${SP}*(?:${MIN}${SP}+)?(?:(?<this>${HADHA})${SP}+)?` +
    `(?<noun>الشهر)${E}(?:${SP}+(?<rel>${RELW})${E})?`,
  'y',
);

/** «عام 2021», «العام 2021م», «في 2014», «1436هـ», «بين عامي 2014 و2017», «مطلع 2021». */
export const YEAR = new RegExp(
  `${B}${CLITIC}(?:(?<per>${PART})${SP}+)?(?:(?:${MIN}${SP}+)?(?<noun>${YEAR_NOUNS}|(?<=ل)لعام)${SP}*)?` +
    `(?<![\\d.,،/:\\-])(?<y>\\d{4})(?!\\d)(?:${SP}*(?<mark>${AD}|${AH})${E})?` +
    `(?:${RANGE_SEP}(?:${YEAR_NOUN}${SP}*)?(?<y2>\\d{4})(?!\\d)(?:${SP}*(?<mark2>${AD}|${AH})${E})?)?`,
  'y',
);

const TIME = `\\d{1,2}:\\d{2}(?::\\d{2})?(?:${SP}*(?:am|pm|ص|م)${E})?`;
/** A separator of a numeric date, with the spaces some outlets put around it: «21 / 10 / 1436». */
const NSEP = `${SP}{0,2}(?<s>[/.\\-])${SP}{0,2}`;
const NSEP_AGAIN = `${SP}{0,2}\\k<s>${SP}{0,2}`;
/**
 * Numeric dates, day first as in Arabic usage (26/07/2021, 26-7-2021), or year first (2021-07-26,
 * 2021/07/26), with a time glued before or after («PM:12:36:26/07/2021»), and Hijri numeric dates
 * of Saudi and Gulf outlets («27/6/1384هـ», «21 - 9 - 1427هـ»).
 */
export const NUMERIC = new RegExp(
  `(?<![\\d/.:])(?:(?<![${LET}])(?:am|pm|ص|م)${SP}*:?${SP}*)?(?:(?<t1>${TIME})${SP}*[:\\-–|,،]?${SP}*)?` +
    `(?:(?<d>\\d{1,2})${NSEP}(?<mo>\\d{1,2})${NSEP_AGAIN}(?<y>\\d{4}|\\d{2})` +
    `|(?<Y>\\d{4})${NSEP.replace('<s>', '<s2>')}(?<M>\\d{1,2})${NSEP_AGAIN.replace('<s>', '<s2>')}(?<D>\\d{1,2}))(?![\\d])` +
    `(?:${SP}*(?<mark>${AD}|${AH})${E})?` +
    `(?:(?:t|${SP}*[\\-–|,،]?${SP}*(?:الساعه${SP}*)?)(?<t2>${TIME}))?(?![\\d/])`,
  'y',
);

/**
 * Words that may come before a head inside one expression (parts of a period, day words,
 * qualifiers, counts, «يوم», «من», «شهر» …). Scanning walks back over these from a head to find
 * where an expression can start.
 */
export const PREFIX_WORDS = new Set<string>(
  [
    ...PARTS.keys(), ...ORDINALS.keys(), ...CARDINALS.keys(), ...REL_DAYS.keys(), ...WEEKDAYS.keys(),
    ...D.DAY_PARTS, ...D.TIME_QUALIFIERS, ...D.APPROX_WORDS, ...D.AGO_WORDS, ...D.YEAR_NOUNS, ...D.DEADLINE_WORDS,
    'يوم', 'من', 'في', 'وقت', 'شهر', 'هذا', 'هذه', 'إلى', 'حتى', 'و', 'ال', 'am', 'pm', 'ص', 'م', 'الساعة',
  ].flatMap((w) => key(norm(w)).split(' ')),
);

/** Head words and the detailed patterns each one calls for. */
export type DetailName = 'calG' | 'calH' | 'weekday' | 'relDay' | 'period' | 'monthDay' | 'ago' | 'numeric' | 'year';
const headEntries: [string, DetailName[]][] = [
  ...[...G_MONTHS.keys()].map((w): [string, DetailName[]] => [w, ['calG']]),
  ...[...H_MONTHS.keys()].map((w): [string, DetailName[]] => [w, ['calH']]),
  ...[...WEEKDAYS.keys()].map((w): [string, DetailName[]] => [w, ['weekday']]),
  // One-word day words (اليوم، أمس، غدا …) and «ليوم» of «لليوم».
  ...[...REL_DAYS.keys(), 'ليوم'].filter((w) => !w.includes(' ')).map((w): [string, DetailName[]] => [w, ['relDay']]),
  // Period nouns, also after «ل» with the alef dropped («للعام»).
  ...[...PERIOD_NOUNS].flatMap(([w, unit]): [string, DetailName[]][] => {
    const details: DetailName[] = unit === 'month' ? ['period', 'monthDay'] : ['period'];
    return [[w, details], [w.slice(1), details]];
  }),
  ...D.AGO_WORDS.map((w): [string, DetailName[]] => [key(norm(w)), ['ago']]),
];
export const HEAD_WORDS = new Map<string, DetailName[]>();
for (const [w, d] of headEntries) HEAD_WORDS.set(w, [...new Set([...(HEAD_WORDS.get(w) ?? []), ...d])]);

/**
 * Head words: every date expression contains one. Clitics may precede a head («والخميس»,
 * «بالأمس», «للعام»); `hw` is the word itself, looked up in HEAD_WORDS.
 */
export const HEAD = new RegExp(
  `${B}[وف]?[بل]?(?<hw>${alt(HEAD_WORDS.keys())})${E}` +
    `|(?<n>\\d{1,4}${SP}{0,2}[/.\\-]${SP}{0,2}\\d{1,2}${SP}{0,2}[/.\\-]${SP}{0,2}\\d{2,4})|(?<y>(?<!\\d)\\d{4}(?!\\d))`,
  'g',
);

/**
 * Copies of CAL_G and YEAR that report group positions (the `d` flag). Building those positions
 * costs time on every match, so they are only used to re-run a match that holds a range.
 */
export const CAL_G_INDICES = new RegExp(CAL_G.source, 'yd');
export const YEAR_INDICES = new RegExp(YEAR.source, 'yd');
