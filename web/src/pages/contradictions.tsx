// Contradictions (two statements at odds) and denials (a denial and the claims it denies).
import type { ContradictionItem, Page } from '../../../src/serve/types';
import { api, useApi } from '../api';
import { Ar, DateInput, Field, Filters, Pager, Select, StatementCard, Status } from '../components';
import { useT } from '../i18n';
import { type Route, useFilters } from '../router';

const KEYS = ['from', 'to', 'kind'] as const;

export function ContradictionsPage({ route }: { route: Route }) {
  const t = useT();
  const f = useFilters(route, 'contradictions', KEYS);
  const state = useApi<Page<ContradictionItem>>(api('contradictions', { ...f.current, limit: 20, offset: f.offset }));
  return (
    <section>
      <h1>{t('contra.title')}</h1>
      <Filters onApply={f.apply} onReset={f.reset}>
        <Field label={t('contra.kind')}>
          <Select
            value={f.form.kind}
            onChange={f.set('kind')}
            options={[
              ['contradiction', t('contra.contradiction')],
              ['denial', t('contra.denial')],
            ]}
          />
        </Field>
        <Field label={t('from')}>
          <DateInput value={f.form.from} onInput={f.set('from')} />
        </Field>
        <Field label={t('to')}>
          <DateInput value={f.form.to} onInput={f.set('to')} />
        </Field>
      </Filters>
      <Status state={state} isEmpty={(p) => !p.items.length}>
        {(page) => (
          <>
            <div class="list">
              {page.items.map((c, i) => (
                <Pair key={`${c.a.id}-${i}`} c={c} />
              ))}
            </div>
            <Pager page={page} onOffset={f.page} />
          </>
        )}
      </Status>
    </section>
  );
}

function Pair({ c }: { c: ContradictionItem }) {
  const t = useT();
  return (
    <article class={`card pair pair-${c.kind}`} data-testid="contradiction">
      <header class="row">
        <span class={`badge kind-${c.kind}`}>{c.kind === 'denial' ? t('contra.denial') : t('contra.contradiction')}</span>
        {/* `why` is an English sentence from the server with Arabic names inside: read it LTR. */}
        <span dir="ltr" lang="en" class="why">
          {c.why}
        </span>
      </header>
      {c.shared.length ? (
        <p class="muted">
          {t('contra.shared')}: <Ar>{c.shared.join('، ')}</Ar>
        </p>
      ) : null}
      {c.proposition ? (
        <p>
          {t('contra.proposition')}: <Ar class="quote-inline">«{c.proposition}»</Ar>
        </p>
      ) : null}
      <div class="versus">
        <div>
          <StatementCard s={c.a} compact />
        </div>
        <div class="vs" aria-hidden="true">
          {c.kind === 'denial' ? t('contra.denies') : '⇄'}
        </div>
        <div>
          {c.b.length ? c.b.map((s) => <StatementCard key={s.id} s={s} compact />) : <p class="muted">{t('contra.noClaim')}</p>}
        </div>
      </div>
    </article>
  );
}
