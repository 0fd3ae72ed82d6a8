// Small shared pieces: request states, pagination, safe links, statement cards, filter fields.
import type { ComponentChildren } from 'preact';
import type { Page, StatementItem, StatementSource } from '../../src/serve/types';
import type { ApiFailure, Loaded } from './api';
import { useT } from './i18n';
import { articleLink, link } from './router';

/** Loading / error / empty states around a request. Renders children only with data. */
export function Status<T>(props: { state: Loaded<T>; children: (data: T) => ComponentChildren; isEmpty?: (data: T) => boolean }) {
  const t = useT();
  const { data, error, loading } = props.state;
  if (error) return <ErrorBox error={error} />;
  if (data === undefined) return loading ? <p class="state loading">{t('loading')}</p> : null;
  return (
    <div class={loading ? 'stale' : undefined} aria-busy={loading}>
      {props.isEmpty?.(data) ? <p class="state empty">{t('empty')}</p> : props.children(data)}
    </div>
  );
}

export function ErrorBox({ error }: { error: ApiFailure }) {
  const t = useT();
  return (
    <div class="state error" role="alert" data-testid="error">
      <strong>{t('error')}</strong>
      {error.status ? ` (${error.status})` : ''}: <span dir="auto">{error.message}</span>
      {error.param ? ` — ${t('error.param')}: ${error.param}` : ''}
    </div>
  );
}

/**
 * A Page request: its items, or the "no results" message, and in both cases the pager — a page past
 * the end (a stale link, a total that shrank) is empty but must still offer "previous".
 */
export function PageStatus<I>(props: { state: Loaded<Page<I>>; onOffset: (offset: number) => void; children: (page: Page<I>) => ComponentChildren }) {
  const t = useT();
  return (
    <Status state={props.state}>
      {(page) => (
        <>
          {page.items.length ? props.children(page) : <p class="state empty">{t('empty')}</p>}
          <Pager page={page} onOffset={props.onOffset} />
        </>
      )}
    </Status>
  );
}

/** Previous / next over a Page; `total` may be null (then "next" shows while a page is full). */
export function Pager({ page, onOffset }: { page: Page<unknown>; onOffset: (offset: number) => void }) {
  const t = useT();
  const { total, limit, offset, items } = page;
  if (!items.length && offset === 0) return null;
  const hasNext = total === null ? items.length === limit : offset + items.length < total;
  const from = offset + 1;
  const to = offset + items.length;
  return (
    <nav class="pager">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))} data-testid="page-prev">
        {t('prev')}
      </button>
      {/* an empty page past the end has no "from–to" of its own: only the buttons */}
      {items.length ? <span class="muted">{total === null ? t('page.rangeOpen', { from, to }) : t('page.range', { from, to, total })}</span> : null}
      <button type="button" disabled={!hasNext} onClick={() => onOffset(offset + limit)} data-testid="page-next">
        {t('next')}
      </button>
    </nav>
  );
}

/** Only http(s) URLs from data may become links. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The original article URL: a link when http(s), else plain text. Always LTR. */
export function ExtLink({ url }: { url: string | null }) {
  const href = safeUrl(url);
  if (!url) return null;
  return href ? (
    <a class="ext" href={href} target="_blank" rel="noopener noreferrer" dir="ltr">
      {url}
    </a>
  ) : (
    <span class="ext" dir="ltr">
      {url}
    </span>
  );
}

/** Arabic data (quotes, titles, names) keeps its own direction whatever the interface language. */
export function Ar({ children, class: cls }: { children: ComponentChildren; class?: string }) {
  return (
    <span lang="ar" dir="rtl" class={cls}>
      {children}
    </span>
  );
}

export function StanceBadge({ stance }: { stance: string }) {
  const t = useT();
  return <span class={`badge stance stance-${stance}`}>{t.v('stance', stance)}</span>;
}

export function Day({ day }: { day: string | null }) {
  const t = useT();
  return day ? (
    <time dir="ltr" dateTime={day}>
      {day.slice(0, 10)}
    </time>
  ) : (
    <span class="muted">{t('noDate')}</span>
  );
}

/** "from DAY to DAY": the range a list covers (the server's default when the user gave none). */
export function DayRange({ label, from, to }: { label: string; from: string | null; to: string | null }) {
  const t = useT();
  return (
    <p class="muted range" data-testid="range">
      {label}: {t('range.from')} <Day day={from} /> {t('range.to')} <Day day={to} />
    </p>
  );
}

/** One report of a statement: outlet, date, link into the reader with the quote highlighted. */
export function SourceLink({ src }: { src: StatementSource }) {
  const t = useT();
  return (
    <li>
      <a href={articleLink(src.article, src.span)} data-testid="statement-source">
        <Ar class="outlet">{src.outlet ?? t('source')}</Ar>
      </a>{' '}
      <Day day={src.published} />
      {src.title ? (
        <>
          {' — '}
          <Ar class="muted">{src.title}</Ar>
        </>
      ) : null}
    </li>
  );
}

/** A statement with speaker, role/organization, stance, date, quote and all its sources. */
export function StatementCard({ s, compact }: { s: StatementItem; compact?: boolean }) {
  const t = useT();
  const channel = t.v('channel', s.channel);
  return (
    <article class="card statement" data-testid="statement" data-id={s.id}>
      <header class="row">
        {s.speaker_entity !== null ? (
          <a href={link(`entities/${s.speaker_entity}`)} class="speaker">
            <Ar>{s.speaker}</Ar>
          </a>
        ) : (
          <Ar class="speaker">{s.speaker}</Ar>
        )}
        {s.role && s.role !== s.speaker ? <Ar class="muted">{s.role}</Ar> : null}
        {s.organization ? <Ar class="muted">· {s.organization}</Ar> : null}
        <span class="spacer" />
        <StanceBadge stance={s.stance} />
        {channel ? <span class="badge">{channel}</span> : null}
        <span class="badge light">{t.v('kind', s.kind)}</span>
        <Day day={s.date} />
      </header>
      <blockquote lang="ar" dir="rtl" class="quote">
        {s.quote}
      </blockquote>
      {s.sources.length ? (
        compact && s.sources.length === 1 ? (
          <ul class="sources inline">
            <SourceLink src={s.sources[0]!} />
          </ul>
        ) : (
          <details class="sources-box" open={!compact || undefined}>
            <summary>{t('statement.sources', { n: s.sources.length })}</summary>
            <ul class="sources">
              {s.sources.map((src) => (
                <SourceLink key={`${src.statement}-${src.article}`} src={src} />
              ))}
            </ul>
          </details>
        )
      ) : null}
    </article>
  );
}

// --- filter forms ---------------------------------------------------------------------------------

export function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

export function TextInput(props: { value: string; onInput: (v: string) => void; testid?: string; placeholder?: string; type?: string }) {
  return (
    <input
      type={props.type ?? 'text'}
      value={props.value}
      placeholder={props.placeholder}
      data-testid={props.testid}
      dir="auto"
      onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
    />
  );
}

/** A `YYYY-MM-DD` field. A plain text input (not type=date) so a bad date reaches the server and
 *  its error message is shown, and so the format is the same in both interface languages. */
/** The from and to days of a filter form: every list filters by them. `shown`: the days used when none are given. */
export function DateRangeFields(props: {
  form: { from: string; to: string };
  set: (k: 'from' | 'to') => (v: string) => void;
  shown?: { from?: string | null; to?: string | null } | null;
}) {
  const t = useT();
  return (
    <>
      <Field label={t('from')}>
        <DateInput value={props.form.from} onInput={props.set('from')} placeholder={props.shown?.from} />
      </Field>
      <Field label={t('to')}>
        <DateInput value={props.form.to} onInput={props.set('to')} placeholder={props.shown?.to} />
      </Field>
    </>
  );
}

export function DateInput({ value, onInput, placeholder }: { value: string; onInput: (v: string) => void; placeholder?: string | null }) {
  return (
    <input
      type="text"
      inputMode="numeric"
      placeholder={placeholder?.slice(0, 10) || 'YYYY-MM-DD'}
      dir="ltr"
      size={10}
      value={value}
      onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value.trim())}
    />
  );
}

export function Select(props: { value: string; onChange: (v: string) => void; options: [string, string][]; testid?: string }) {
  const t = useT();
  return (
    <select value={props.value} data-testid={props.testid} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
      <option value="">{t('any')}</option>
      {props.options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** A filter form: submit → onApply; the reset button clears to `{}`. */
export function Filters({ children, onApply, onReset }: { children: ComponentChildren; onApply: () => void; onReset: () => void }) {
  const t = useT();
  return (
    <form
      class="filters card"
      onSubmit={(e) => {
        e.preventDefault();
        onApply();
      }}
    >
      {children}
      <div class="buttons">
        <button type="submit" class="primary" data-testid="filters-apply">
          {t('apply')}
        </button>
        <button type="button" onClick={onReset}>
          {t('reset')}
        </button>
      </div>
    </form>
  );
}
