// Drafting statements sentence by sentence: every reporting cue with a speaker (or none, for a
// continuation) and the character range of the words it reports.
import type { Span } from '../../core/types.js';
import { tokenize, type Token } from '../../lang/ar/tokenize.js';
import type { Quote } from '../segment.js';
import { cueInfo, findCues, readFrame, type Cue, type Frame } from './frame.js';
import { ACCORDING_TO, type CueInfo } from '../../lang/ar/lexicon.js';
import { parseAfterLam, parseSpeaker, type SpeakerPhrase } from './speaker.js';
import { cueOf, isOrgHead, isPunct, isRelative, isResumptive, SPOKEN_WITH, withForm } from './words.js';

export interface Draft {
  cue: Cue;
  cueSpan: Span;
  speaker: SpeakerPhrase | null;
  /** How the draft came about: cue | participle | kama | relative | quote-paragraph | trailing-participle. */
  how: string;
  /** Characters that may name the channel and date: from the clause start to the content. */
  frame: Span;
  content: Span;
  sentence: number;
  paragraph: number;
}

interface Ctx {
  text: string;
  quotes: Quote[];
  paras: Span[];
  /** Spans of the date expressions: adverbials of the frame, never its content. */
  dates?: Span[];
}

const paraOf = (paras: Span[], pos: number): number => {
  let lo = 0, hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paras[mid]![0] <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
};

/** Is offset i inside the words of a top-level quotation? */
export function quoteAt(quotes: Quote[], i: number): Quote | null {
  let lo = 0, hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    const end = q.close ?? q.inner[1];
    if (i < q.open) hi = mid - 1;
    else if (i > end) lo = mid + 1;
    else return q;
  }
  return null;
}

/**
 * Quotation marks around a name, not around speech: an outlet after «لـ» («قال مصدر لـ«الشرق
 * الأوسط»»), a medium after its head noun («قناة “السومرية”»), or a speaker's name right after
 * the verb («وقال "عسيري"»). At most three words, so a short quoted reply is never taken for one.
 */
export function labelQuotes(text: string, quotes: Quote[], all: Token[]): Set<Quote> {
  const out = new Set<Quote>();
  for (const q of quotes) {
    if (q.close === null || q.inner[1] - q.inner[0] > 40) continue;
    const words = text.slice(q.inner[0], q.inner[1]).trim().split(/\s+/).filter(Boolean);
    if (!words.length || words.length > 3) continue;
    const before = text.slice(Math.max(0, q.open - 30), q.open);
    const i = tokenIndexAt(all, q.open);
    const prev = i > 0 ? all[i - 1] : undefined;
    // «وكان الناطق باسم الخارجية «كيربي» قد قال»: a name in marks right before its verb.
    const after = q.close !== null ? all[tokenIndexAt(all, q.close + 1)] : undefined;
    const beforeVerb = words.length <= 2 && prev?.word === true && !!after?.word && (after.n === 'قد' || cueOf(after) !== null);

    // «اتصال هاتفي أجرته معه "الوطن"»، «المصادر التي تحدثت إليها "الوطن"»: the outlet spoken with.
    const spokenWith = prev?.word === true && SPOKEN_WITH.test(prev.n);
    // «حركة المقاومة الإسلامية "حماس"»: the short name of an organisation printed just before.
    let named = false;
    for (let k = i - 1, n = 0; k >= 0 && n < 4 && all[k]!.word && words.length <= 2; k--, n++) {
      if (isOrgHead(all[k])) { named = true; break; }
      if (!/^ال/.test(all[k]!.n)) break; // only the organisation's own words: «المقاومة الإسلامية»
    }
    if (/(?:^|\s|[و])[لب]ـ?\s*$/.test(before) || (prev?.word && (isOrgHead(prev) || cueOf(prev))) || beforeVerb || spokenWith || named) out.add(q);
  }
  return out;
}

/** Index of the first token starting at or after `pos`. */
export function tokenIndexAt(all: Token[], pos: number): number {
  let lo = 0, hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.start < pos) lo = mid + 1; else hi = mid;
  }
  return lo;
}

const QUOTE_MARKS = /^["«»“”]$/;

/** The tokens of [s, e) from the document's tokens (sorted by offset). */
function tokensIn(all: Token[], s: number, e: number): Token[] {
  const lo = tokenIndexAt(all, s);
  let k = lo;
  while (k < all.length && all[k]!.end <= e) k++;
  return all.slice(lo, k);
}

export function draftStatements(ctx: Ctx, sentences: Span[], all: Token[] = tokenize(ctx.text)): Draft[] {
  const drafts: Draft[] = [];
  const consumed = new Set<number>(); // paragraphs taken whole by a trailing participle
  const labels = labelQuotes(ctx.text, ctx.quotes, all);
  const marks = new Set<number>();
  for (const q of labels) marks.add(q.open).add(q.close!);
  // Speech quotations only: the label quotes are part of the frame, their marks dropped.
  const speech = ctx.quotes.filter((q) => !labels.has(q));
  ctx = { ...ctx, quotes: speech };
  sentences.forEach(([ss, se], si) => {
    const para = paraOf(ctx.paras, ss);
    if (consumed.has(para)) return;
    const raw = tokensIn(all, ss, se);
    if (!mayReport(raw, ctx.text, ss)) return; // most sentences of an article report no one
    const toks = raw.filter((t) => !(marks.has(t.start) && QUOTE_MARKS.test(t.text)));
    const inQuote = (t: Token) => quoteAt(ctx.quotes, t.start) !== null;
    const cues = findCues(toks, inQuote);
    const before = drafts.length;
    draftSentence(ctx, toks, cues, si, para, [ss, se], drafts, consumed);
    if (drafts.length === before) accordingTo(ctx, toks, si, para, [ss, se], drafts);
    if (drafts.length === before) conjoinedReport(toks, si, para, [ss, se], drafts);
    if (drafts.length === before) quoteParagraph(ctx, toks, inQuote, si, para, [ss, se], drafts);
  });
  colonParagraphs(ctx, sentences, drafts);
  return drafts;
}

/**
 * «وقال كاميرون لتلاميذ مدرسة: أريد … . نريد …»: words after a colon with no quotation marks run
 * on through the paragraph's next sentences, as long as none of them reports anything itself.
 */
function colonParagraphs(ctx: Ctx, sentences: Span[], drafts: Draft[]): void {
  const bySentence = new Set(drafts.map((d) => d.sentence));
  for (const d of drafts) {
    const before = ctx.text.slice(Math.max(d.frame[0], d.content[0] - 3), d.content[0]);
    if (!/:\s*$/.test(before) || /["«»“”]/.test(ctx.text[d.content[0]] ?? '')) continue;
    if (d.content[1] !== sentences[d.sentence]![1]) continue;
    let k = d.sentence + 1;
    while (k < sentences.length && !bySentence.has(k) && paraOf(ctx.paras, sentences[k]![0]) === d.paragraph) {
      d.content = [d.content[0], sentences[k]![1]];
      k++;
    }
  }
}

/** Could this sentence hold a statement at all: a cue, a relative «الذي قاله», «بحسب …», or a leading quotation? */
function mayReport(toks: Token[], text: string, ss: number): boolean {
  if (/["«»“”]/.test(text[ss] ?? '')) return true;
  const first = toks.find((t) => t.word);
  if (first && (ACCORDING_TO.has(first.base) || ACCORDING_TO.has(first.n) || /^(?:جاء|ورد)$/.test(first.base) || CONJOINED.test(first.n))) return true;
  for (const t of toks) if (t.word && (cueInfo(t) || t.n === 'الذي' || t.n === 'التي')) return true;
  return false;
}

function draftSentence(
  ctx: Ctx, toks: Token[], cues: Cue[], si: number, para: number, [ss, se]: Span, drafts: Draft[], consumed: Set<number>,
): void {
  let clauseStart = ss;
  let open: Draft | null = null;
  let subject: SpeakerPhrase | null = null;
  for (let k = 0; k < cues.length; k++) {
    const cue = cues[k]!;
    const tok = toks[cue.at]!;
    let frame: Frame | null = null;
    // «وغرد الوزير … قائلاً إن»: a participle inside the frame of the verb before it, before that
    // verb's content, only introduces the same words.
    if (open && cue.info.participle && tok.start < open.content[0]) continue;
    if (open && open.content[1] > tok.start) {
      // Inside the content of the previous statement a new clause opens a new statement of its
      // own: a continuation participle («أكدت أن …، مشيرة إلى أنها …»، «مبيناً أن»), «كما ذكرت», a
      // verb with its own conjunction («وأضاف»، «فأكد»), or a verb after «فيما»/«بينما»/«ثم»/«قد»
      // (run-on reports without full stops). Each continuation is a statement of the same speaker.
      const prevTok = toks[cue.at - 1];
      // «… التصريحات التي وصفها بـ"…"»: a relative clause inside the reported words belongs to them.
      // «الذي أعلن فيه رئيس المجلس …» names a new speaker, though.
      const relative = isRelative(prevTok);
      const resumptive = relative && isResumptive(toks[cue.after]);
      if (relative && !resumptive) continue;
      const newClause = resumptive || cue.info.participle || cue.kama || tok.n !== tok.base ||
        (prevTok?.word === true && /^(?:فيما|بينما|ثم|قد|وقد|حيث|لكنه|لكنها|ولكنه|ولكنها|لكنهم|ولكنهم)$/.test(prevTok.n));
      // «وفيما أعلنت الداخلية عن …، قال عسيري إنه …»: after a comma, a verb with a subject of its
      // own is the main clause that the «فيما» clause led up to.
      if (!newClause) {
        if (!isPunct(prevTok, '،,') || cue.info.present) continue;
        frame = readFrame(ctx.text, toks, cue, toks.length, true, ctx.dates);
        if (!/^(?:person|org|role|anaphor)$/.test(frame.speaker?.kind ?? '')) continue;
      }
      const cut = trimEnd(ctx.text, open.content[0], cue.kama ? toks[cue.at - 1]!.start : tok.start);
      open.content = [open.content[0], cut];
      clauseStart = cut;
    }
    // A subject before the verb is looked for at the start of a sentence or of a new clause.
    frame ??= readFrame(ctx.text, toks, cue, toks.length, true, ctx.dates);
    // «أبلغ هذا "الرياض" الدكتور محمد مارم … وقال:»: a verb joined by «و» to one whose subject
    // was named shares that subject.
    if (!frame.speaker && subject && tok.n !== tok.base && tok.n.startsWith('و')) frame.speaker = subject;
    if (frame.speaker) subject = frame.speaker;
    const cueSpan: Span = [tok.start, toks[cue.after - 1]!.end];
    if (frame.content < 0 || frame.content >= toks.length) {
      const trailing = trailingParticiple(ctx, cue, toks, para, cueSpan);
      if (trailing) {
        drafts.push({ ...trailing, sentence: si, frame: [clauseStart, tok.start] });
        consumed.add(para + 1);
      }
      continue;
    }
    const how = cue.kama ? 'kama' : cue.info.participle ? 'participle' : 'cue';
    const content: Span = [toks[frame.content]!.start, se];
    open = {
      cue, cueSpan, speaker: frame.speaker, how, frame: [clauseStart, content[0]], content, sentence: si, paragraph: para,
    };
    const rel = relativeBefore(ctx, toks, open);
    if (rel) drafts.push(rel);
    drafts.push(open);
  }
  if (!cues.length) relativeOnly(ctx, toks, si, para, drafts, ss, se);
}

/** A participle that ends its paragraph introduces the next paragraph («… سقطوا”. مستطردا»). */
function trailingParticiple(ctx: Ctx, cue: Cue, toks: Token[], para: number, cueSpan: Span): Omit<Draft, 'sentence' | 'frame'> | null {
  if (!(cue.info.participle || cue.info.cls === 'continue')) return null;
  if (toks.slice(cue.after).some((t) => t.word)) return null;
  const tok = toks[cue.at]!;
  const [, pe] = ctx.paras[para]!;
  if (ctx.text.slice(tok.end, pe).trim().replace(/[.:،,]/g, '')) return null;
  const next = ctx.paras[para + 1];
  if (!next) return null;
  return { cue, cueSpan, speaker: null, how: 'trailing-participle', content: next, paragraph: para + 1 };
}

/** Tokens before a cue searched for a relative clause that reports the same speaker. */
const RELATIVE_REACH = 400;

/** «بيان وزارة الخارجية، الذي قالته فيه إنه …»: the relative clause's verb reports the antecedent. */
const RELATIVE_CUE = /^(.+?)(?:ه|ها)$/;

function relativeOnly(ctx: Ctx, toks: Token[], si: number, para: number, drafts: Draft[], ss: number, se: number): void {
  for (let i = 1; i < toks.length; i++) {
    const r = relativeAt(ctx, toks, i);
    if (!r) continue;
    drafts.push({ ...r, sentence: si, paragraph: para, frame: [ss, r.content[0]], content: [r.content[0], se] });
    return;
  }
}

/** A relative clause before the cue («بيان الوزارة، الذي قالته فيه إنه "…"، علقت …») is a statement of its own. */
function relativeBefore(ctx: Ctx, toks: Token[], open: Draft): Draft | null {
  // Within a reach of the cue: scanning from the sentence's start for every cue is quadratic in a
  // sentence that never ends (hostile or broken text), and no relative clause is that long.
  for (let i = Math.max(1, open.cue.at - RELATIVE_REACH); i < open.cue.at; i++) {
    const r = relativeAt(ctx, toks, i);
    if (!r || r.content[0] >= open.cueSpan[0]) continue;
    const end = trimEnd(ctx.text, r.content[0], open.cueSpan[0]);
    const clause = open.frame[0];
    open.frame = [end, open.frame[1]];
    return { ...r, sentence: open.sentence, paragraph: open.paragraph, frame: [clause, r.content[0]], content: [r.content[0], end] };
  }
  return null;
}

function relativeAt(ctx: Ctx, toks: Token[], i: number): Omit<Draft, 'sentence' | 'paragraph' | 'frame'> | null {
  const t = toks[i]!;
  const prev = toks[i - 1]!;
  if (!t.word || !isRelative(prev)) return null;
  const m = RELATIVE_CUE.exec(t.n);
  const info = m ? cueOf(withForm(t, m[1]!)) : null;
  if (!info) return null;
  // The antecedent: the organisation or person phrase that ends right before «، الذي».
  let ante: SpeakerPhrase | null = null;
  const stop = isPunct(toks[i - 2], '،,') ? i - 2 : i - 1;
  for (let a = Math.max(0, stop - 8); a < stop && !ante; a++) {
    const p = parseSpeaker(ctx.text, toks, a, stop);
    if (p && p.end === stop && p.kind !== 'role') ante = p;
  }
  if (!ante) return null;
  let k = i + 1;
  while (k < toks.length && toks[k]!.word && /^(?:فيه|فيها|به|بها)$/.test(toks[k]!.n)) k++;
  const opener = toks[k];
  if (!opener) return null;
  const start = opener.word && /^(?:ان|انه|انها|بان)$/.test(opener.n) ? toks[k + 1]?.start : opener.start;
  if (start === undefined) return null;
  const cue = { at: i, info, after: i + 1, kama: false };
  return { cue, cueSpan: [t.start, t.end], speaker: ante, how: 'relative', content: [start, start] };
}

const ACCORDING: CueInfo = { cls: 'say', stance: 'assert', participle: false, gender: null, present: false };

/**
 * Attribution without a reporting verb at the start of a sentence: «وبحسب بيان رئاسة الإقليم
 * فإنه "…"»، «ووفقاً لشترايتر، فإن …»، «وجاء في بيان رئيس الإقليم "…"». At the end of a sentence
 * («… بحسب مصادر طبية») it only sources a fact and is not a statement.
 */
function accordingTo(ctx: Ctx, toks: Token[], si: number, para: number, [ss, se]: Span, drafts: Draft[]): void {
  const w = toks.filter((t) => t.word);
  const first = w[0];
  if (!first) return;
  let i = toks.indexOf(first) + 1;
  if (ACCORDING_TO.has(first.base) || ACCORDING_TO.has(first.n)) {
    if (toks[i]?.word && toks[i]!.n === 'ل') i++; // «وفقاً لـ شترايتر»
    // «وحسب ما نشرته صحيفة …»، «بحسب ما أعلنت الوزارة»: the source after «ما» and its verb.
    if (toks[i]?.word && toks[i]!.n === 'ما' && toks[i + 1]?.word &&
      (cueOf(toks[i + 1]) || /^(?:نشر|اورد|نقل|بث|افاد|اعلن|ذكر|قال)(?:ت|ه|ته|وه)?$/.test(toks[i + 1]!.n))) i += 2;
  } else if (/^(?:جاء|ورد)$/.test(first.base) && toks[i]?.word && /^(?:في|ضمن)$/.test(toks[i]!.n)) i++;
  else return;
  const t = toks[i];
  if (!t || !t.word) return;
  // «لشترايتر»: the preposition is glued to the name.
  const glued = /^ل[^ا]/.test(t.n) || /^ل[إأآ]/.test(t.text) || t.n.startsWith('لل');
  const speaker = glued ? parseAfterLam(ctx.text, toks, i, toks.length) : parseSpeaker(ctx.text, toks, i, toks.length);
  if (!speaker) return;
  // Skip the commas and the «فإن» that join the source to what it says. «وفق مصدر، لم يُذكر
  // اسمه، بقاعدة طبرق لـ«الوسط»، فإن …»: asides between the source and «فإن» are the frame's.
  let k = speaker.end;
  for (let m = k; m < toks.length && m - k < 30; m++) {
    const u = toks[m]!;
    if (/["«“”]/.test(u.text) && quoteAt(ctx.quotes, u.start + 1)) break;
    if (u.word && /^(?:فان|فانه|فانها|فانهم)$/.test(u.n)) { k = m; break; }
  }
  while (k < toks.length && !/["«“”]/.test(toks[k]!.text) && (!toks[k]!.word || /^(?:فان|فانه|فانها|ان|انه|انها|نفسه|ذاته)$/.test(toks[k]!.n))) k++;
  if (k >= toks.length) return;
  const cue: Cue = { at: 0, info: ACCORDING, after: i, kama: false };
  drafts.push({
    cue, cueSpan: [first.start, first.end], speaker, how: 'according-to',
    frame: [ss, toks[k]!.start], content: [toks[k]!.start, se], sentence: si, paragraph: para,
  });
}

const CONJOINED = /^(?:وانه|وانها|وان|وبان|وبانه|وبانها|وانهم)$/;

/**
 * «وقال إنه «يمثل خطوة هامة». وإنه «سيضع قيوداً على إيران»»: a sentence that opens with «وإنه»/«وأن»
 * goes on with the report of the sentence before it, by the same speaker.
 */
function conjoinedReport(toks: Token[], si: number, para: number, [ss, se]: Span, drafts: Draft[]): void {
  const last = drafts[drafts.length - 1];
  if (!last || last.sentence !== si - 1 || last.paragraph !== para) return;
  const first = toks.find((t) => t.word);
  if (!first || !CONJOINED.test(first.n)) return;
  const k = toks.indexOf(first) + 1;
  if (k >= toks.length) return;
  drafts.push({ cue: last.cue, cueSpan: last.cueSpan, speaker: null, how: 'quote-paragraph', frame: [ss, toks[k]!.start], content: [toks[k]!.start, se], sentence: si, paragraph: para });
}

/** A paragraph that is a quotation with no attribution continues the previous speaker. */
function quoteParagraph(ctx: Ctx, toks: Token[], inQuote: (t: Token) => boolean, si: number, para: number, [ss, se]: Span, drafts: Draft[]): void {
  const last = drafts[drafts.length - 1];
  if (!last || last.paragraph < para - 1 || ss !== ctx.paras[para]![0]) return;
  const q = quoteAt(ctx.quotes, ss);
  if (!q || q.open !== ss) return;
  const words = toks.filter((t) => t.word);
  const quoted = words.filter(inQuote).length;
  if (quoted / Math.max(1, words.length) < 0.8) return;
  const cue = last.cue;
  drafts.push({ cue, cueSpan: last.cueSpan, speaker: null, how: 'quote-paragraph', frame: [ss, ss], content: [ss, se], sentence: si, paragraph: para });
}

/** End of a content range before a cue: drop trailing commas, spaces and a dangling «و». */
export function trimEnd(text: string, a: number, b: number): number {
  let e = b;
  for (;;) {
    while (e > a && /[\s،,.:؛;]/.test(text[e - 1]!)) e--;
    if (e - 1 > a && text[e - 1] === 'و' && /\s/.test(text[e - 2]!)) { e--; continue; }
    return e;
  }
}
