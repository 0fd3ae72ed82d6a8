// Full-text search over article texts, with the server's snippet highlights as <mark>s.
import type { Outlet, Page, SearchHit } from '../../../src/serve/types';
import { api, useApi } from '../api';
import { Ar, DateRangeFields, Day, Field, Filters, PageStatus, Select, TextInput } from '../components';
import { segments } from '../highlight';
import { useT } from '../i18n';
import { articleLink, type Route, useFilters } from '../router';

const KEYS = ['q', 'outlet', 'from', 'to', 'speaker', 'entity'] as const;
const LIMIT = 20;

export function useOutlets(): [string, string][] {
  const { data } = useApi<Page<Outlet>>(api('outlets'));
  return (data?.items ?? []).map((o) => [o.outlet, `${o.outlet} (${o.articles})`]);
}

export function SearchPage({ route }: { route: Route }) {
  const t = useT();
  const f = useFilters(route, 'search', KEYS);
  const outlets = useOutlets();
  const q = f.current.q.trim();
  // Without q (with or without filters) the API answers the latest articles matching the filters:
  // a useful "latest news" view, so the page always asks.
  const state = useApi<Page<SearchHit>>(api('search', { ...f.current, q, limit: LIMIT, offset: f.offset }));
  return (
    <section>
      <h1>{t('search.title')}</h1>
      <Filters onApply={f.apply} onReset={f.reset}>
        <div class="searchbox">
          <TextInput value={f.form.q} onInput={f.set('q')} testid="search-input" placeholder={t('search.placeholder')} />
          <button type="submit" class="primary" data-testid="search-submit">
            {t('search.submit')}
          </button>
        </div>
        <Field label={t('outlet')}>
          <Select value={f.form.outlet} onChange={f.set('outlet')} options={outlets} testid="filter-outlet" />
        </Field>
        <DateRangeFields form={f.form} set={f.set} />
        <Field label={t('speaker')}>
          <TextInput value={f.form.speaker} onInput={f.set('speaker')} />
        </Field>
        <Field label={t('entity')}>
          <TextInput value={f.form.entity} onInput={f.set('entity')} />
        </Field>
      </Filters>
      {!q ? <p class="muted">{t('search.help')}</p> : null}
      <PageStatus state={state} onOffset={f.page}>
        {(page) => (
          <>
            <ol class="hits">
              {page.items.map((h) => (
                <Hit key={h.id} hit={h} q={q} />
              ))}
            </ol>
          </>
        )}
      </PageStatus>
    </section>
  );
}

function Hit({ hit, q }: { hit: SearchHit; q: string }) {
  const t = useT();
  const { snippet } = hit;
  // The reader opens at the first matched word (absolute offset = snippet.start + highlight start).
  const first = snippet.highlights[0];
  const href = articleLink(hit.id, first ? [snippet.start + first[0], snippet.start + first[1]] : null, q);
  const marks = snippet.highlights.map((span) => ({ span, cls: 'term' }));
  return (
    <li class="card hit" data-testid="search-hit">
      <a href={href} class="title">
        <Ar>{hit.title ?? `#${hit.id}`}</Ar>
      </a>
      <div class="meta">
        <Ar class="outlet">{hit.outlet ?? ''}</Ar> <Day day={hit.published} />
      </div>
      <p class="snippet" lang="ar" dir="rtl">
        {snippet.start > 0 ? '… ' : ''}
        {segments(snippet.text, 0, snippet.text.length, marks).map((s) => (s.marks.length ? <mark key={s.start}>{s.text}</mark> : s.text))}
        {' …'}
      </p>
      {hit.copies.length ? (
        <p class="copies muted">
          {t('search.copies')}:{' '}
          {hit.copies.map((c, i) => (
            <span key={c.id}>
              {i ? '، ' : ''}
              <a href={articleLink(c.id, null, q)}>
                <Ar>{c.outlet ?? `#${c.id}`}</Ar>
              </a>
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}
