// The article reader: the cleaned text with every extraction highlighted at its span, a side
// panel of what was extracted, and the requested passage (`hl=start-end`) marked and scrolled to.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleDetail, Span } from '../../../src/serve/types';
import { api, useApi } from '../api';
import { Ar, Day, ExtLink, StanceBadge, Status } from '../components';
import { type Mark, type Segment, paragraphs, parseSpan, segments, termSpans } from '../highlight';
import { type T, useT } from '../i18n';
import { articleLink, go, link, type Route } from '../router';
import { Casualties, TypeBadge } from './entities';

/** What a highlight points back to, for tooltips, links and the side panel. */
type Ref =
  | { kind: 'statement'; i: number }
  | { kind: 'entity'; i: number }
  | { kind: 'event'; i: number }
  | { kind: 'date'; i: number }
  | { kind: 'other' };

export function ArticlePage({ id, route }: { id: string; route: Route }) {
  const state = useApi<ArticleDetail>(api(`articles/${encodeURIComponent(id)}`));
  const hl = parseSpan(route.params.get('hl'));
  const q = route.params.get('q') ?? '';
  return <Status state={state}>{(a) => <Reader a={a} hl={hl} q={q} />}</Status>;
}

function Reader({ a, hl, q }: { a: ArticleDetail; hl: Span | null; q: string }) {
  const t = useT();
  const [active, setActive] = useState<number | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const marks = useMemo(() => buildMarks(a, hl, q), [a, hl?.[0], hl?.[1], q]);
  const paras = useMemo(() => paragraphs(a.text, a.paragraphs), [a]);

  // Bring the requested passage into view once it is rendered (and whenever it changes).
  useEffect(() => {
    textRef.current?.querySelector('[data-testid="hl"]')?.scrollIntoView({ block: 'center' });
  }, [a.id, hl?.[0], hl?.[1]]);

  // Moving the strong highlight keeps the search words in the address.
  const focus = (span: Span): void => go(`articles/${a.id}`, { hl: `${span[0]}-${span[1]}`, q: q || null });

  let firstHl = true;
  // One tab stop per statement (its first clickable piece): a quote cut by entities and dates into
  // many pieces would otherwise cost the keyboard user a Tab for each.
  const tabbed = new Set<number>();
  const tabStop = (seg: Segment<Ref>): boolean => {
    const i = statementOf(seg, a);
    if (i === null || tabbed.has(i)) return false;
    tabbed.add(i);
    return true;
  };
  return (
    <article class="reader">
      <header class="reader-head">
        <h1>
          <Ar>{a.title ?? `#${a.id}`}</Ar>
        </h1>
        <p class="meta">
          <Ar class="outlet">{a.outlet ?? ''}</Ar> · <Day day={a.published} />
          {a.story !== null ? (
            <>
              {' · '}
              <a href={link(`stories/${a.story}`)}>
                {t('article.story')} #{a.story}
              </a>
            </>
          ) : null}
          {a.duplicate_of !== null ? (
            <>
              {' · '}
              {t('article.duplicate')} <a href={articleLink(a.duplicate_of)}>#{a.duplicate_of}</a>
            </>
          ) : null}
        </p>
        <p>
          <ExtLink url={a.url} />
        </p>
        {a.copies.length ? (
          <p class="muted">
            {t('article.copies')}:{' '}
            {a.copies.map((c, i) => (
              <span key={c.id}>
                {i ? '، ' : ''}
                <a href={articleLink(c.id, null, q || undefined)}>
                  <Ar>{c.outlet ?? `#${c.id}`}</Ar>
                </a>
              </span>
            ))}
          </p>
        ) : null}
        <Legend q={q} />
      </header>
      <div class="reader-body">
        <div class="article-text card" lang="ar" dir="rtl" data-testid="article-text" ref={textRef}>
          {paras.map(([ps, pe]) => {
            const segs = segments(a.text, ps, pe, marks);
            const out: ComponentChildren[] = [];
            // Consecutive segments inside the hl span share one wrapper, so the passage reads as one.
            for (let i = 0; i < segs.length; ) {
              if (!segs[i]!.marks.some((m) => m.cls === 'x-hl')) {
                out.push(<Seg key={segs[i]!.start} s={segs[i]!} a={a} t={t} onStatement={setActive} tab={tabStop(segs[i]!)} />);
                i++;
                continue;
              }
              const group: Segment<Ref>[] = [];
              while (i < segs.length && segs[i]!.marks.some((m) => m.cls === 'x-hl')) group.push(segs[i++]!);
              out.push(
                <mark key={`hl${group[0]!.start}`} class="x-hl" data-testid={firstHl ? 'hl' : 'hl-more'}>
                  {group.map((s) => (
                    <Seg key={s.start} s={s} a={a} t={t} onStatement={setActive} tab={tabStop(s)} />
                  ))}
                </mark>,
              );
              firstHl = false;
            }
            return (
              <p key={ps} data-start={ps}>
                {out}
              </p>
            );
          })}
        </div>
        <SidePanel a={a} active={active} focus={focus} />
      </div>
      <Notes a={a} focus={focus} />
    </article>
  );
}

/** The statement a piece of text selects when clicked (null: none, or it is an entity link). */
function statementOf(s: Segment<Ref>, a: ArticleDetail): number | null {
  if (s.marks.some((m) => m.data?.kind === 'entity' && a.entities[m.data.i]?.entity != null)) return null;
  const st = s.marks.find((m) => m.data?.kind === 'statement');
  return st?.data?.kind === 'statement' ? st.data.i : null;
}

/**
 * One piece of text with the classes of every highlight covering it; an entity with an id links to
 * its page. `tab`: the piece is its statement's keyboard button (role, tab stop, Enter/Space).
 */
function Seg({ s, a, t, onStatement, tab }: { s: Segment<Ref>; a: ArticleDetail; t: T; onStatement: (i: number) => void; tab: boolean }) {
  const own = s.marks.filter((m) => m.cls !== 'x-hl');
  if (!own.length) return <>{s.text}</>;
  const cls = [...new Set(own.map((m) => m.cls))].join(' ');
  const title = own.map((m) => describe(m.data, a, t)).filter(Boolean).join('\n');
  const ent = own.find((m) => m.data?.kind === 'entity' && a.entities[m.data.i]?.entity != null);
  if (ent && ent.data?.kind === 'entity') {
    return (
      <a class={cls} title={title} href={link(`entities/${a.entities[ent.data.i]!.entity}`)} data-testid="entity-link">
        {s.text}
      </a>
    );
  }
  const si = statementOf(s, a);
  if (si === null) {
    return (
      <span class={cls} title={title || undefined}>
        {s.text}
      </span>
    );
  }
  const open = (): void => onStatement(si);
  // Later pieces of the same statement stay clickable with the mouse; the first one is the button.
  return tab ? (
    <span
      class={cls}
      title={title || undefined}
      role="button"
      tabIndex={0}
      aria-label={t('article.showStatement', { who: describe({ kind: 'statement', i: si }, a, t) })}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        open();
      }}
    >
      {s.text}
    </span>
  ) : (
    <span class={cls} title={title || undefined} onClick={open}>
      {s.text}
    </span>
  );
}

function describe(r: Ref | undefined, a: ArticleDetail, t: T): string {
  switch (r?.kind) {
    case 'statement': {
      const s = a.statements[r.i]!;
      return `${s.speaker} — ${t.v('stance', s.stance)}`;
    }
    case 'entity': {
      const e = a.entities[r.i]!;
      return `${e.name} (${t.v('type', e.type)})`;
    }
    case 'event': {
      const e = a.events[r.i]!;
      return [t.v('event', e.type), e.date, e.location].filter(Boolean).join(' · ');
    }
    case 'date': {
      const d = a.dates[r.i]!;
      return d.value ? `${t('date')}: ${d.value}` : t('date');
    }
    default:
      return '';
  }
}

/** Every highlight layer, in one list; classes drive the styles (see style.css, "reader"). */
function buildMarks(a: ArticleDetail, hl: Span | null, q: string): Mark<Ref>[] {
  const marks: Mark<Ref>[] = [];
  a.statements.forEach((s, i) => {
    marks.push({ span: s.span, cls: 'x-quote', data: { kind: 'statement', i } });
    marks.push({ span: s.cue, cls: 'x-cue', data: { kind: 'statement', i } });
    if (s.speaker_span) marks.push({ span: s.speaker_span, cls: 'x-speaker', data: { kind: 'statement', i } });
  });
  a.entities.forEach((e, i) => {
    for (const span of e.mentions) marks.push({ span, cls: `x-ent x-ent-${e.type}`, data: { kind: 'entity', i } });
  });
  a.events.forEach((e, i) => {
    marks.push({ span: e.span, cls: 'x-event', data: { kind: 'event', i } });
    marks.push({ span: e.trigger, cls: 'x-trigger', data: { kind: 'event', i } });
  });
  a.dates.forEach((d, i) => marks.push({ span: d.span, cls: 'x-date', data: { kind: 'date', i } }));
  if (q) for (const span of termSpans(a.text, q)) marks.push({ span, cls: 'x-term', data: { kind: 'other' } });
  if (hl) marks.push({ span: hl, cls: 'x-hl', data: { kind: 'other' } });
  return marks;
}

function Legend({ q }: { q: string }) {
  const t = useT();
  return (
    <p class="legend small">
      {t('article.legend')}: <span class="x-quote">{t('legend.quote')}</span> <span class="x-cue">{t('legend.cue')}</span>{' '}
      <span class="x-event">{t('legend.event')}</span> <span class="x-date">{t('legend.date')}</span>{' '}
      {(['PER', 'ORG', 'GPE', 'LOC', 'FAC'] as const).map((ty) => (
        <span key={ty} class={`x-ent x-ent-${ty}`}>
          {t.v('type', ty)}{' '}
        </span>
      ))}
      {q ? <span class="x-term">{t('legend.term')}</span> : null} <mark class="x-hl">{t('legend.hl')}</mark>
    </p>
  );
}

function SidePanel({ a, active, focus }: { a: ArticleDetail; active: number | null; focus: (s: Span) => void }) {
  const t = useT();
  // Entities once each, with how often they are mentioned.
  const ents = [...a.entities].sort((x, y) => y.mentions.length - x.mentions.length);
  return (
    <aside class="panel">
      <h2>{t('article.panel')}</h2>
      <details open>
        <summary>
          {t('nav.statements')} ({a.statements.length})
        </summary>
        <ul class="panel-list">
          {a.statements.map((s, i) => (
            <li key={i} class={active === i ? 'active' : undefined} data-testid="panel-statement">
              <button type="button" class="linklike" onClick={() => focus(s.span)}>
                <Ar class="speaker">{s.speaker}</Ar>
              </button>{' '}
              <StanceBadge stance={s.stance} /> <Day day={s.date} />
              {s.role && s.role !== s.speaker ? <Ar class="muted small"> {s.role}</Ar> : null}
              {s.organization ? <Ar class="muted small"> · {s.organization}</Ar> : null}
              <div>
                <Ar class="quote-inline">«{s.quote}»</Ar>
              </div>
            </li>
          ))}
        </ul>
      </details>
      <details open>
        <summary>
          {t('nav.entities')} ({a.entities.length})
        </summary>
        <ul class="panel-list">
          {ents.map((e, i) => (
            <li key={i}>
              {e.entity !== null ? (
                <a href={link(`entities/${e.entity}`)}>
                  <Ar>{e.name}</Ar>
                </a>
              ) : (
                <Ar>{e.name}</Ar>
              )}{' '}
              <TypeBadge type={e.type} /> <span class="muted">×{e.mentions.length}</span>
              {e.mentions[0] ? (
                <button type="button" class="linklike small" onClick={() => focus(e.mentions[0]!)} aria-label={t('article.jumpTo', { name: e.name })}>
                  ↵
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
      {a.events.length ? (
        <details open>
          <summary>
            {t('events')} ({a.events.length})
          </summary>
          <ul class="panel-list">
            {a.events.map((e, i) => (
              <li key={i}>
                <button type="button" class="linklike" onClick={() => focus(e.span)}>
                  {t.v('event', e.type)}
                </button>{' '}
                <Day day={e.date} /> {e.location ? <Ar>{e.location}</Ar> : null} <Casualties killed={e.killed} injured={e.injured} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </aside>
  );
}

/** Diagnostics and removed boilerplate: collapsed, for checking what the cleaner and analysis did. */
function Notes({ a, focus }: { a: ArticleDetail; focus: (s: Span) => void }) {
  const t = useT();
  return (
    <section class="notes">
      <details data-testid="diagnostics">
        <summary>{t('article.diagnostics', { n: a.diagnostics.length })}</summary>
        <ul>
          {a.diagnostics.map((d, i) => (
            <li key={i}>
              <code>
                {d.stage}/{d.rule}
              </code>{' '}
              <span dir="auto">{d.reason}</span>{' '}
              {d.span ? (
                <button type="button" class="linklike" onClick={() => focus(d.span!)}>
                  <Ar>{a.text.slice(d.span[0], d.span[1]).slice(0, 80) || `${d.span[0]}-${d.span[1]}`}</Ar>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
      <details data-testid="removed">
        <summary>{t('article.removed', { n: a.removed.length })}</summary>
        <ul>
          {a.removed.map((r, i) => (
            <li key={i}>
              <code>{r.rule}</code> <Ar>{r.line}</Ar>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
