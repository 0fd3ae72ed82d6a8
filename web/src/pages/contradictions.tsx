// Contradictions (two statements at odds) and denials (a denial and the claims it denies).
import type { ContradictionItem, ContradictionPage } from '../../../src/serve/types';
import { api, useApi } from '../api';
import { Ar, DateRangeFields, DayRange, Field, Filters, PageStatus, Select, StatementCard } from '../components';
import { useT } from '../i18n';
import { type Route, useFilters } from '../router';

const KEYS = ['from', 'to', 'kind'] as const;

export function ContradictionsPage({ route }: { route: Route }) {
  const t = useT();
  const f = useFilters(route, 'contradictions', KEYS);
  const state = useApi<ContradictionPage>(api('contradictions', { ...f.current, limit: 20, offset: f.offset }));
  // The range the server used (the last week of articles when none is given): shown, and offered
  // as the date fields' placeholders. Errors (a range wider than the server allows) go to Status.
  const used = state.data;
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
        <DateRangeFields form={f.form} set={f.set} shown={used} />
      </Filters>
      {used && !state.error && (used.from || used.to) ? <DayRange label={t('contra.range')} from={used.from} to={used.to} /> : null}
      <PageStatus state={state} onOffset={f.page}>
        {(page) => (
          <>
            <div class="list">
              {page.items.map((c, i) => (
                <Pair key={`${c.a.id}-${i}`} c={c} />
              ))}
            </div>
          </>
        )}
      </PageStatus>
    </section>
  );
}

function Pair({ c }: { c: ContradictionItem }) {
  const t = useT();
  return (
    <article class={`card pair pair-${c.kind}`} data-testid="contradiction">
      <header class="row">
        <span class={`badge kind-${c.kind}`}>{c.kind === 'denial' ? t('contra.denial') : t('contra.contradiction')}</span>
      </header>
      {/* `why` is an English sentence from the server (with Arabic names inside), never translated:
          labelled as English in the Arabic interface, and isolated as LTR English text. */}
      <p class="why-line">
        <span class="muted small">{t('contra.why')}:</span>{' '}
        <span dir="ltr" lang="en" class="why">
          {c.why}
        </span>
      </p>
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
