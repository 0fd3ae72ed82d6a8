// The statements stage: attributed speech, direct and indirect, with the speaker's fullest name,
// role, organisation, stance, channel and date, each with its span in document.text.
import type { ArticleDoc, Channel, DateMention, Span, Stance, Statement } from '../../core/types.js';
import { CHANNEL_CUES, COMMIT_CONTENT, DENY_CONTENT, NEGATED_EXISTENCE, SAME_SETTING, STATEMENT_NOUNS, UNNAMED_SOURCES } from '../../lang/ar/lexicon.js';
import { matchKey, norm } from '../../lang/ar/normalize.js';
import { GIVEN_NAMES } from '../../lang/ar/names.js';
import { tokenize, type Token } from '../../lang/ar/tokenize.js';
import type { Quote } from '../segment.js';
import { draftStatements, tokenIndexAt, type Draft } from './draft.js';
import { Registry } from './registry.js';
import { isKnownOrg, isPlace, isPunct } from './words.js';
import { parseSpeaker, withKnownNames } from './speaker.js';

interface Who {
  name: string;
  /** Other names of the same speaker: «البنتاغون» for «وزارة الدفاع الأميركية (البنتاغون)». */
  alias?: string | null;
  role: string | null;
  org: string | null;
  person: boolean;
  gender: 'm' | 'f' | null;
  how: string;
}

interface Work {
  d: Draft;
  who: Who;
  span: Span;
  kind: 'direct' | 'indirect';
  /** The reported words, normalised: read by the stance rules. */
  said: string;
  stance: Stance;
  channel: Channel | null;
  date: string | null;
  /** Channel/date came from this statement's own frame (not inherited). */
  own: { channel: boolean; date: boolean };
  /** Where the date came from: frame | speaker | context | published. */
  dateSource: string | null;
  /** Where the channel came from: frame | setting | trailing | speaker | organisation. */
  channelSource: string | null;
}

export function extractStatements(doc: ArticleDoc, quotes: Quote[]): Statement[] {
  const text = doc.text;
  const toks = tokenize(text);
  const reg = new Registry();
  reg.scan(text, toks);
  const drafts = withKnownNames(reg.nameWords(), () => draftStatements({ text, quotes, paras: doc.paragraphs, dates: doc.dates.map((d) => d.span) }, doc.sentences, toks));
  if (!drafts.length) return [];
  for (const d of drafts) {
    const s = d.speaker;
    if (s?.kind === 'person' && s.name && s.name.split(/\s+/).length > 1) reg.add(s.name, s.role, s.org, s.span[0]);
  }
  const work: Work[] = [];
  drafts.forEach((d, i) => {
    const who = resolve(doc, toks, reg, drafts, i, work);
    const { span, kind } = quoteOf(text, quotes, d.content);
    const said = norm(text.slice(span[0], span[1]));
    // No speaker found at all: not an attributable statement.
    if (span[1] - span[0] < 2 || !who.name.trim()) return;
    const own = frameFacts(text, doc.dates, d.frame);
    work.push({
      d, who, span, kind, said, stance: stanceOf(d, said),
      channel: own.channel, date: own.date, own: { channel: own.channel !== null, date: own.date !== null },
      dateSource: own.date ? 'frame' : null,
      channelSource: own.channel ? 'frame' : null,
    });
  });
  rebuttals(work);
  settingSentences(work, doc);
  trailingAttribution(work, doc);
  inherit(work, text);
  datesFromContext(work, doc);
  sharedSetting(work, doc);
  organisationChannel(work);
  return work.map(toStatement(text));
}

function toStatement(text: string) {
  return (w: Work): Statement => ({
    speaker: w.who.name,
    role: w.who.role,
    organization: w.who.org,
    quote: text.slice(w.span[0], w.span[1]),
    kind: w.kind,
    stance: w.stance,
    date: w.date,
    channel: w.channel ?? 'unknown',
    span: w.span,
    cue: { text: text.slice(w.d.cueSpan[0], w.d.cueSpan[1]), span: w.d.cueSpan },
    speakerSpan: w.d.speaker?.span ?? null,
    resolution: w.who.how,
    dateSource: w.dateSource,
    channelSource: w.channel ? w.channelSource : null,
  });
}

// ---------- speakers ----------

function resolve(doc: ArticleDoc, toks: Token[], reg: Registry, drafts: Draft[], i: number, done: Work[]): Who {
  const d = drafts[i]!;
  const gender = d.cue.info.gender;
  const prev = done[done.length - 1];
  const s = d.speaker;
  if (!s && d.how === 'participle' && !done.some((w) => w.d.sentence === d.sentence)) {
    // A participle with no statement before it in the sentence: the main clause's subject
    // («تحفظت قطر على …، مؤكدة دعمها»), or the person the clause is about («وفي كلمة …، كرر
    // ظريف موقف روحاني، قائلاً»).
    const main = prev ? null : mainSubject(doc, toks, d, reg);
    if (main) return { ...main, gender, how: 'main-clause' };
    const person = gender === 'f' ? null : personInClause(doc, toks, reg, doc.sentences[d.sentence]![0], d.cueSpan[0], done);
    if (person) return { ...person, gender, how: 'main-clause' };
  }
  if (prev && !s && /^(?:participle|kama|quote-paragraph|trailing-participle)$/.test(d.how)) return { ...prev.who, how: d.how };
  if (prev && !s && d.how === 'cue' && d.cue.info.participle) {
    // A participle opening its sentence («مضيفاً إنه …») goes on with the last speaker.
    return { ...prev.who, how: 'participle' };
  }
  if (!s) return subjectless(doc, toks, d, done, gender, reg);
  const at = s.span[0];
  if (s.kind === 'person' && s.name) {
    const full = reg.fullest(s.name, at);
    const name = full && full.words.length > matchKey(s.name).split(' ').length ? full.name : s.name;
    return { name, role: s.role ?? full?.role ?? null, org: s.org ?? full?.org ?? null, person: true, gender, how: full ? 'name' : 'name-new' };
  }
  if (s.kind === 'org' && s.name) return { name: s.name, alias: s.alias, role: null, org: s.name, person: false, gender, how: 'organisation' };
  if (s.kind === 'role' && s.role) {
    const unnamed = UNNAMED_SOURCES.has(matchKey(s.role).split(' ')[0]!);
    const p = unnamed ? null : reg.byRole(s.role) ?? cataphor(drafts, i);
    if (p) return { name: p.name, role: s.role, org: s.org, person: true, gender, how: 'role' };
    return { name: s.role, role: s.role, org: s.org, person: true, gender, how: 'role-unnamed' };
  }
  // A definite family name alone («قال الحوثي»، «وأضاف العطية») is a person named in full elsewhere.
  const printedName = doc.text.slice(s.span[0], s.span[1]);
  // «هذا الناطق»: the person quoted last whose gender fits.
  if (s.kind === 'anaphor' && /^(?:هذا|هذه)\s/.test(printedName)) {
    const last = [...done].reverse().find((w) => w.who.person && (!gender || !w.who.gender || w.who.gender === gender));
    if (last) return { ...last.who, gender: last.who.gender ?? gender, how: 'anaphor' };
  }
  const person = s.kind === 'anaphor' && s.name === printedName ? reg.fullest(printedName, at) : null;
  if (person && person.words.length > 1) return { name: person.name, role: person.role, org: person.org, person: true, gender, how: 'name' };
  // «الوزير الأمريكي»، «المسؤولة في البنتاغون»: a role with a qualifier names the holder whose role it fits.
  if (s.role && matchKey(s.role).split(' ').length > 1) {
    const holder = reg.byRole(s.role, at);
    if (holder) return { name: holder.name, role: holder.role, org: holder.org, person: true, gender, how: 'anaphor' };
  }
  const ana = anaphor(doc.text, s.span, done, gender, s.org, reg);
  if (ana) return { ...ana, gender: ana.gender ?? gender, how: 'anaphor' };
  const org = reg.orgFor(doc.text.slice(s.span[0], s.span[1]));
  if (org) return { name: org, role: null, org, person: false, gender, how: 'anaphor' };
  const printed = doc.text.slice(s.span[0], s.span[1]);
  return { name: printed, role: s.role, org: s.org, person: s.kind !== 'org', gender, how: 'anaphor-unresolved' };
}

/** The subject right after the sentence's first word, when the sentence opens with its verb. */
function mainSubject(doc: ArticleDoc, toks: Token[], d: Draft, reg: Registry): Omit<Who, 'gender' | 'how'> | null {
  const [ss] = doc.sentences[d.sentence]!;
  let i = toks.findIndex((t) => t.start >= ss);
  if (i < 0) return null;
  // «عبدالحكيم شار- سبق- متابعة: قلّل المستشار …»: a byline before the first verb.
  for (let k = i; k < i + 8 && k < toks.length; k++) {
    if (!isPunct(toks[k], ':')) continue;
    if (toks.slice(i, k).some((t) => !t.word && /^[-–—]$/.test(t.text))) i = k + 1;
    break;
  }
  const p = parseSpeaker(doc.text, toks, i + 1, Math.min(toks.length, i + 24));
  if (!p || p.span[1] > d.cueSpan[0]) return null;
  // A role alone («قلّل المسؤول في الوزارة …، مشيراً»): its holder when the article names one.
  const name = p.name ?? (p.role ? reg.byRole(p.role)?.name ?? p.role : null);
  if (!name) return null;
  return { name, alias: p.alias, role: p.role, org: p.kind === 'org' ? name : p.org, person: p.kind !== 'org' };
}

/** A role printed alone, then the holder named in the next statement: «أفاد نائب المتحدث … وقال فيدانت باتيل». */
function cataphor(drafts: Draft[], i: number): { name: string } | null {
  for (const n of drafts.slice(i + 1, i + 3)) {
    if (n.sentence > drafts[i]!.sentence + 2) break;
    const s = n.speaker;
    if (s?.kind === 'person' && s.name && !s.role && s.name.split(/\s+/).length > 1) return { name: s.name };
  }
  return null;
}

/** «قالت الوزارة»، «علقت المسؤولة في البنتاغون»: the most recent speaker the phrase fits. */
function anaphor(text: string, span: Span, done: Work[], gender: 'm' | 'f' | null, org: string | null, reg: Registry): Who | null {
  const printed = matchKey(text.slice(span[0], span[1]));
  const head = printed.split(' ')[0]!;
  if (STATEMENT_NOUNS.has(head)) {
    // «وأضاف البيان»: the issuer of the statement reported last.
    const issued = [...done].reverse().find((w) => w.channel === 'statement') ?? done[done.length - 1];
    return issued ? issued.who : null;
  }
  // «المصدر»، «المصادر»: the unnamed source quoted last, whatever the verb's gender («قالت مصادر»).
  if (/^(?:المصدر|المصادر)$/.test(head)) {
    const src = [...done].reverse().find((w) => w.who.how === 'role-unnamed');
    if (src) return src.who;
  }
  const orgHead = head.replace(/^ال/, '');
  // An organisation named after the last statement that fits («نددت الخارجية التركية …») is nearer.
  const named = printed === head && /^ال/.test(head) ? reg.orgBefore(head, span[0]) : null;
  for (let k = done.length - 1; k >= 0; k--) {
    const w = done[k]!.who;
    const key = matchKey(w.name);
    const fits = !w.person && (key.startsWith(orgHead + ' ') || key.startsWith(head + ' ') || key === head || key.split(' ').includes(head));
    if (fits && named && named.at > done[k]!.d.cueSpan[0] && matchKey(named.name) !== key) break;
    if (fits) return w;
    if (w.person && isPersonRole(head) && (!gender || !w.gender || w.gender === gender)) {
      if (!org || (w.org && matchKey(w.org).includes(matchKey(org))) || (w.role && matchKey(w.role).includes(matchKey(org)))) return w;
    }
  }
  if (named) return { name: named.name, role: null, org: named.name, person: false, gender, how: 'anaphor' };
  return null;
}

const isPersonRole = (head: string): boolean => /^(?:المسؤول|المسؤوله|المتحدث|المتحدثه|الناطق|الناطقه|الوزير|الوزيره|المصدر|المصادر)$/.test(head);

/** No subject after the verb: the subject of the clause before it in the sentence, else the last speaker. */
/** «بيان أصدره الأمين العام …، قال فيه»: the issuer of the statement the verb says «in it». */
function issuerBefore(doc: ArticleDoc, toks: Token[], from: number, cueAt: number): Omit<Who, 'gender' | 'how'> | null {
  const i = toks.findIndex((t) => t.start >= cueAt);
  if (i < 0 || !/^(?:فيه|فيها)$/.test(toks[i + 1]?.n ?? '')) return null;
  for (let k = i - 1; k >= 0 && toks[k]!.start >= from; k--) {
    if (!ISSUED.test(toks[k]!.n)) continue;
    let j = k + 1;
    if (/^(?:اصدر|القا|نشر|وجه|بث|اطلق)(?:ه|ها|ته|تها)$/.test(toks[j]?.n ?? '')) j++;
    const p = parseSpeaker(doc.text, toks, j, i);
    if (p?.name) return { name: p.name, alias: p.alias, role: p.role, org: p.kind === 'org' ? p.name : p.org, person: p.kind === 'person' };
    return null;
  }
  return null;
}
const ISSUED = /^(?:بيان|بيانا|البيان|كلمه|الكلمه|خطاب|الخطاب|رساله|الرساله|مقابله|حديث|تصريح|تصريحات)$/;

function subjectless(doc: ArticleDoc, toks: Token[], d: Draft, done: Work[], gender: 'm' | 'f' | null, reg: Registry): Who {
  const issuer = issuerBefore(doc, toks, doc.sentences[d.sentence]![0], d.cueSpan[0]);
  if (issuer) return { ...issuer, gender, how: 'issuer' };
  const same = done.filter((w) => w.d.sentence === d.sentence);
  if (!same.length) {
    // «وتعكس تصريحات خامنئي …؛ إذ قال إن»: the person the clause before the verb is about.
    const person = gender === 'f' ? null : personInClause(doc, toks, reg, doc.sentences[d.sentence]![0], d.cueSpan[0], done);
    if (person) return { ...person, gender, how: 'clause-subject' };
    const local = clauseSubject(doc.text, toks, doc.sentences[d.sentence]![0], d.cueSpan[0]);
    if (local) return { name: local, role: null, org: null, person: false, gender, how: 'clause-subject' };
    const topic = topicBefore(doc, d, done, reg);
    if (topic) return { ...topic, gender, how: 'topic' };
  }
  for (let k = done.length - 1; k >= 0; k--) {
    const w = done[k]!.who;
    if (!gender || !w.gender || w.gender === gender) return { ...w, how: 'continuation' };
  }
  const last = done[done.length - 1];
  return last ? { ...last.who, how: 'continuation' } : { name: '', role: null, org: null, person: false, gender, how: 'unresolved' };
}

/**
 * «وبينما لم يشتبك الجنرال ديمبسي مع أعضاء اللجنة، أيد الاتفاق. وقال: …»: a verb with no subject
 * right after a sentence that reports no one goes on with the person that sentence is about —
 * the first person it names — rather than with the speaker quoted before it.
 */
function topicBefore(doc: ArticleDoc, d: Draft, done: Work[], reg: Registry): Omit<Who, 'gender' | 'how'> | null {
  if (!reg.persons.length) return null;
  // The words between the last report (or the previous paragraph's start) and this verb.
  const last = done[done.length - 1];
  const para = doc.paragraphs[Math.max(0, d.paragraph - 1)]!;
  const from = Math.max(last ? last.span[1] : 0, para[0]);
  if (from >= d.cueSpan[0]) return null;
  const words = matchKey(doc.text.slice(from, d.cueSpan[0])).split(' ');
  if (words.length < 4) return null;
  // The narration names the last speaker again: the verb goes on with that speaker.
  if (last && last.who.person && words.includes(matchKey(last.who.name).split(' ').pop() ?? '')) return null;
  const spoke = new Set(done.map((w) => matchKey(w.who.name)));
  let best: { at: number; p: (typeof reg.persons)[number] } | null = null;
  for (const p of reg.persons) {
    // Only people the article surely names: a known given name first, or a speaker already.
    if (p.words.length < 2 || !(GIVEN_NAMES.has(p.words[0]!) || spoke.has(p.words.join(' ')))) continue;
    const at = words.indexOf(p.words[p.words.length - 1]!);
    if (at >= 0 && (!best || at < best.at)) best = { at, p };
  }
  if (!best) return null;
  return { name: best.p.name, role: best.p.role, org: best.p.org, person: true };
}

/**
 * The first person named in [from, to) by a family name the article prints in full elsewhere,
 * not governed by a preposition: the clause is about that person.
 */
function personInClause(doc: ArticleDoc, toks: Token[], reg: Registry, from: number, to: number, done: Work[]): Omit<Who, 'gender' | 'how'> | null {
  // Only people the article surely names: a known given name first, or a speaker already.
  const spoke = new Set(done.map((w) => matchKey(w.who.name)));
  const full = reg.persons.filter((p) => p.words.length > 1 && (GIVEN_NAMES.has(p.words[0]!) || spoke.has(p.words.join(' '))));
  if (!full.length) return null;
  let prevTok: Token | undefined;
  for (let k = tokenIndexAt(toks, from); k < toks.length; k++) {
    const t = toks[k]!;
    if (t.end > to) break;
    const governed = prevTok?.word && /^(?:في|علي|من|الي|عن|مع|ضد|بين|لدي|ل|ب)$/.test(prevTok.n);
    prevTok = t;
    if (!t.word || governed || t.n !== t.base) continue;
    const key = matchKey(t.text);
    if (key.length < 3) continue;
    const p = full.find((q) => q.words[q.words.length - 1] === key);
    if (p) return { name: p.name, role: p.role, org: p.org, person: true };
  }
  return null;
}

/** «… حرب تشنها إسرائيل في قطاع غزة وتقول إنها …»: the nearest named actor not governed by a preposition. */
function clauseSubject(text: string, toks: Token[], from: number, to: number): string | null {
  const inRange = toks.filter((t) => t.start >= from && t.end <= to);
  if (inRange.filter((t) => t.word).length < 3) return null;
  const prep = (t?: Token) => !!t && (/^(?:في|علي|من|الي|عن|مع|ضد|بين)$/.test(t.n) || isPunct(t, '('));
  for (let k = inRange.length - 1; k >= 0; k--) {
    const t = inRange[k]!;
    if (!(isPlace(t) || isKnownOrg(t))) continue;
    // Governed by a preposition, directly or as the second word of a name («في قطاع غزة»).
    const p1 = inRange[k - 1], p2 = inRange[k - 2];
    if (prep(p1) || (p1 && (isPlace(p1) || isKnownOrg(p1)) && prep(p2))) continue;
    return text.slice(t.start, t.end);
  }
  return null;
}

// ---------- words, stance, frame facts ----------

/** Direct when the content is mostly inside quotation marks; the span then runs from the first to the last quoted word. */
function quoteOf(text: string, quotes: Quote[], [a, b]: Span): { span: Span; kind: 'direct' | 'indirect' } {
  const inside = quotes.filter((q) => q.open >= a && q.open < b);
  const letters = (s: number, e: number) => {
    let n = 0;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && !(c >= 0x21 && c <= 0x2f) && c !== 0x60c && c !== 0xab && c !== 0xbb && c !== 0x201c && c !== 0x201d) n++;
    }
    return n;
  };
  const total = letters(a, b);
  const quoted = inside.reduce((n, q) => n + letters(q.inner[0], Math.min(q.inner[1], b)), 0);
  // Direct when most of the reported words are inside quotation marks; a scare-quote or two
  // («التزامه بـ"دعم القوات" لمنع …») leaves indirect speech indirect.
  if (inside.length && quoted / Math.max(1, total) >= 0.5) {
    return { span: trim(text, inside[0]!.inner[0], Math.min(inside[inside.length - 1]!.inner[1], b)), kind: 'direct' };
  }
  let s = a;
  // Drop a leading complementiser left in the range («أن»، «إنه»).
  const m = /^\s*(?:ب?[اأإ]نّ?(?:ه|ها)?)\s+/.exec(text.slice(s, Math.min(b, s + 8)));
  if (m) s += m[0].length;
  return { span: trim(text, s, b), kind: 'indirect' };
}

function trim(text: string, a: number, b: number): Span {
  while (a < b && /[\s،,:.؛"«»“”]/.test(text[a]!)) a++;
  while (b > a && /[\s،,:.؛"«»“”]/.test(text[b - 1]!)) b--;
  // Words printed in parentheses («مضيفاً (سنمضي …)»): the closing one is not theirs.
  if (text[b - 1] === ')' && !text.slice(a, b).includes('(')) return trim(text, a, b - 1);
  return [a, b];
}

/**
 * «ووصفت الوزارة التصريحات بـ"غير الدقيقة". وأوضحت أنه "لا توجد قوات …"»: a speaker who rebuts a
 * claim in the article denies with a negated existence too; elsewhere «لا يوجد حل عسكري» asserts.
 */
function rebuttals(work: Work[]): void {
  const denying = new Set(work.filter((w) => w.stance === 'deny').map((w) => matchKey(w.who.name)));
  if (!denying.size) return;
  for (const w of work) {
    if (w.stance === 'deny' || w.stance === 'commit' || !denying.has(matchKey(w.who.name))) continue;
    if (NEGATED_EXISTENCE.test(w.said)) w.stance = 'deny';
  }
}

function stanceOf(d: Draft, q: string): Stance {
  if (d.cue.info.stance === 'deny' || DENY_CONTENT.test(q)) return 'deny';
  if (COMMIT_CONTENT.test(q)) return 'commit';
  if (d.how === 'participle' || d.how === 'kama' || d.cue.info.cls === 'continue') return d.cue.info.cls === 'continue' ? 'assert' : d.cue.info.stance;
  return d.cue.info.stance;
}

const AFTER_MEETING = /(?:بعد|عقب|اثر|ختام|انتهاء|قبيل|قبل) (?:ال)?(?:اجتماع|لقاء|لقائه|لقائها|لقائهم|مباحثات|محادثات|زياره)\S*/g;

function frameFacts(text: string, dates: DateMention[], [a, b]: Span): { channel: Channel | null; date: string | null } {
  // Remarks made after a meeting («عقب الاجتماع»، «بعد لقائها بوزير …») were not made in it.
  const f = norm(text.slice(a, b)).replace(AFTER_MEETING, ' ');
  let channel: Channel | null = null;
  for (const [c, re] of CHANNEL_CUES) if (re.test(f)) { channel = c; break; }
  const dm = dates.find((m) => m.span[0] >= a && m.span[1] <= b && m.value);
  return { channel, date: dm?.value ?? null };
}

/**
 * «جاء ذلك في مؤتمر صحفي عقده أمس …»: a sentence that sets the scene of the statements before it.
 * Its channel and date go to the statements of the same and the previous paragraph that have none.
 */
const SETTING = /^و?(?:جاء|جاءت) (?:ذلك|هذا|هذه|تصريحات|تصريح|حديث|كلام|اقوال)/;

function settingSentences(work: Work[], doc: ArticleDoc): void {
  doc.sentences.forEach(([ss, se]) => {
    const head = doc.text.slice(ss, ss + 4);
    if (!head.includes('جاء')) return; // cheap test before normalising
    if (!SETTING.test(norm(doc.text.slice(ss, Math.min(se, ss + 40))))) return;
    const facts = frameFacts(doc.text, doc.dates, [ss, se]);
    if (!facts.channel && !facts.date) return;
    const para = doc.paragraphs.findIndex(([a, b]) => a <= ss && ss <= b);
    for (const w of work) {
      if (w.span[0] >= ss || w.d.paragraph < para - 1) continue;
      if (!w.channel && facts.channel) [w.channel, w.own.channel, w.channelSource] = [facts.channel, true, 'setting'];
      if (!w.date && facts.date) [w.date, w.own.date, w.dateSource] = [facts.date, true, 'frame'];
    }
  });
}

/** «…، وفق بيان لوزارة الخارجية»: an attribution after the words gives their channel. */
const TRAILING = /(?:^|\s)(?:وفق|وفقا ل|بحسب|حسب|نقلا عن|في)\s?(?:ما جاء في )?(?:بيان|تصريح|تصريحات|مؤتمر|ايجاز|تغريد|مقابله|حديث)/;

// Whole words only: «، وفقد 15 آخرون» is no «وفق».
const TRAILING_CUT = /[،,]\s*(?:وفق|وفقا ل|وفقاً ل|بحسب|حسب|نقلا عن|نقلاً عن)(?![\u0621-\u064a])/;

function trailingAttribution(work: Work[], doc: ArticleDoc): void {
  for (const w of work) {
    const [, se] = doc.sentences[w.d.sentence]!;
    // An indirect report ends where the source is named: «…، وفق بيان لوزارة الخارجية».
    if (w.kind === 'indirect') {
      const cut = TRAILING_CUT.exec(doc.text.slice(w.span[0], w.span[1]));
      if (cut && cut.index > 0) w.span = [w.span[0], w.span[0] + cut.index];
    }
    if (w.channel) continue;
    const tail = norm(doc.text.slice(w.span[1], se));
    const m = TRAILING.exec(tail);
    if (!m) continue;
    const c = frameFacts(doc.text, doc.dates, [w.span[1] + m.index, se]).channel;
    if (c) [w.channel, w.own.channel, w.channelSource] = [c, true, 'trailing'];
  }
}

/**
 * A statement whose frame names no channel or date takes them from the same speaker: a
 * continuation from the statement it continues; otherwise from the nearest statement of the same
 * speaker or organisation that states them itself (a lede summarising a quote printed below it).
 */
/** Assign one inherited field; channel and date are both string-or-null. */
function set(w: Work, field: 'channel' | 'date', value: Work['channel'] | Work['date']): void {
  if (field === 'channel') [w.channel, w.channelSource] = [value as Work['channel'], 'speaker'];
  else w.date = value as Work['date'];
}

/**
 * «وقال الجبير في مؤتمر صحفي بعد محادثات مع نظيره الروسي سيرجي لافروف»: a press conference or
 * a meeting has several participants. A person whose reports name no channel takes it from the
 * nearest sentence outside quotations that names that setting and the person's family name.
 */
const FUTURE_MEETING = /(?:^|\s)(?:س[يتن]\S+|سوف \S+)\s+(?:\S+\s+)?(?:اجتماع|لقاء|مؤتمر|جلسه)\S*/g;
const MEETING_LEDE = /^(?:و|ف)?(?:التقي|التقت|استقبل|استقبلت|اجتمع|اجتمعت)\s/;

function sharedSetting(work: Work[], doc: ArticleDoc): void {
  const open = work.filter((w) => !w.channel && w.who.person);
  if (!open.length) return;
  const settings: Array<{ at: number; channel: Channel; words: Set<string> }> = [];
  for (const [ss, se] of doc.sentences) {
    let head = doc.text.slice(ss, se);
    if (!/مؤتمر|إيجاز|ايجاز|اجتماع|اجتمع|لقاء|التقى|استقبل|مباحثات|محادثات|جلسة|لجنة/.test(head)) continue; // cheap test first
    // Only the journalist's words set the scene: quoted words are blanked out.
    for (const q of doc.quotes) {
      if (q.inner[1] <= ss || q.inner[0] >= se) continue;
      const a = Math.max(q.inner[0], ss) - ss, b = Math.min(q.inner[1], se) - ss;
      head = head.slice(0, a) + ' '.repeat(b - a) + head.slice(b);
    }
    // «أنه سيعقد اجتماعا خاصا»: a meeting still to come is no setting of words already said.
    const f = norm(head).replace(AFTER_MEETING, ' ').replace(FUTURE_MEETING, ' ');
    // «التقى الرئيس … السفير الصيني.»، «استقبل …»: a sentence opened by a meeting verb sets a meeting.
    const hit = CHANNEL_CUES.find(([c, re]) => (c === 'press_conference' || c === 'meeting') && re.test(f)) ??
      (MEETING_LEDE.test(f.trim()) ? (['meeting', MEETING_LEDE] as const) : undefined);
    if (hit) settings.push({ at: ss, channel: hit[0], words: new Set(matchKey(head).split(' ')) });
  }
  if (!settings.length) return;
  for (const w of open) {
    const family = matchKey(w.who.name).split(' ').pop() ?? '';
    if (family.length < 3) continue;
    let best: (typeof settings)[number] | null = null;
    for (const s of settings) {
      if (!s.words.has(family)) continue;
      if (!best || Math.abs(s.at - w.span[0]) < Math.abs(best.at - w.span[0])) best = s;
    }
    if (best) [w.channel, w.channelSource] = [best.channel, 'setting'];
  }
}

/**
 * An organisation, a government or a state that speaks with no medium named («اعتبر تحالف القوى
 * العراقية أن …»، «رحبت بعثة الأمم المتحدة») speaks through a statement; the channel says so and
 * `channel_source` says it was implied.
 */
function organisationChannel(work: Work[]): void {
  for (const w of work) {
    if (w.channel || w.who.person) continue;
    [w.channel, w.channelSource] = ['statement', 'organisation'];
  }
}

function inherit(work: Work[], text: string): void {
  // Two statements are related when they share a speaker, or one speaks for the other's organisation.
  const keys = new Map<Work, string[]>(work.map((w) => [w, [w.who.name, w.who.alias, w.who.org].filter((x): x is string => !!x).map(matchKey)]));
  // «الخارجية القطرية» is «وزارة الخارجية القطرية» shortened: a name of two words or more that ends another.
  const same = (x: string, y: string) => x === y || (x.includes(' ') && y.endsWith(' ' + x)) || (y.includes(' ') && x.endsWith(' ' + y));
  const related = (a: Work, b: Work) => {
    const nb = keys.get(b)!;
    return keys.get(a)!.some((n) => nb.some((m) => same(n, m)));
  };
  work.forEach((w, i) => {
    const cont = /^(?:participle|kama|quote-paragraph|trailing-participle|continuation)$/.test(w.who.how) ||
      SAME_SETTING.test(norm(text.slice(w.d.frame[0], w.d.frame[1])).trim());
    for (const field of ['channel', 'date'] as const) {
      if (w[field] !== null) continue;
      if (cont && i > 0) {
        const p = work[i - 1]!;
        if (p[field] !== null) { set(w, field, p[field]); continue; }
      }
      let best: Work | null = null, dist = Infinity;
      for (const o of work) {
        if (o === w || !o.own[field] || !related(w, o)) continue;
        const dd = Math.abs(o.d.content[0] - w.d.content[0]);
        if (dd < dist) [best, dist] = [o, dd];
      }
      if (best) set(w, field, best[field]);
    }
    if (w.date && !w.dateSource) w.dateSource = 'speaker';
  });
}

/**
 * A statement the article does not date is taken to have been made when the report around it
 * happened: the nearest day named before it outside quotations («الاجتماع
 * الذي انعقد أمس … وقال»), else the publication day. The source is recorded so that a reader
 * can tell a stated date from an inferred one.
 */
function datesFromContext(work: Work[], doc: ArticleDoc): void {
  for (const w of work) {
    if (w.date) continue;
    const unquoted = doc.dates.filter((m) => m.value && !doc.quotes.some((q) => q.inner[0] <= m.span[0] && m.span[1] <= q.inner[1]));
    const near = unquoted.filter((m) => m.span[1] <= w.span[0]);
    // A lede names the day only later («… الاجتماع الذي انعقد أمس»): the first day its paragraph
    // or the next one names.
    const para = doc.paragraphs[w.d.paragraph + 1] ?? doc.paragraphs[w.d.paragraph]!;
    const m = near[near.length - 1] ?? unquoted.find((x) => x.span[0] >= w.span[0] && x.span[0] <= para[1]);
    if (m) [w.date, w.dateSource] = [m.value, 'context'];
    else if (doc.published) [w.date, w.dateSource] = [doc.published, 'published'];
  }
}
