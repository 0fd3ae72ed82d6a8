// The statement explorer: who said what, filtered by speaker, organization, stance, dates, outlet.
import type { Page, StatementItem } from '../../../src/serve/types';
import { api, useApi } from '../api';
import { DateRangeFields, Field, Filters, PageStatus, Select, StatementCard, TextInput } from '../components';
import { STANCES, useT } from '../i18n';
import { type Route, useFilters } from '../router';
import { useOutlets } from './search';

// entity and story come from links (entity page, story page) and are kept while filtering.
const KEYS = ['q', 'speaker', 'organization', 'stance', 'from', 'to', 'outlet', 'entity', 'story'] as const;

export function StatementsPage({ route }: { route: Route }) {
  const t = useT();
  const f = useFilters(route, 'statements', KEYS);
  const outlets = useOutlets();
  const state = useApi<Page<StatementItem>>(api('statements', { ...f.current, limit: 25, offset: f.offset }));
  return (
    <section>
      <h1>{t('statements.title')}</h1>
      <Filters onApply={f.apply} onReset={f.reset}>
        <Field label={t('statements.q')}>
          <TextInput value={f.form.q} onInput={f.set('q')} testid="statements-q" />
        </Field>
        <Field label={t('speaker')}>
          <TextInput value={f.form.speaker} onInput={f.set('speaker')} testid="statements-speaker" />
        </Field>
        <Field label={t('organization')}>
          <TextInput value={f.form.organization} onInput={f.set('organization')} />
        </Field>
        <Field label={t('stance')}>
          <Select value={f.form.stance} onChange={f.set('stance')} options={STANCES.map((s) => [s, t.v('stance', s)])} testid="statements-stance" />
        </Field>
        <DateRangeFields form={f.form} set={f.set} />
        <Field label={t('outlet')}>
          <Select value={f.form.outlet} onChange={f.set('outlet')} options={outlets} />
        </Field>
        {f.current.entity ? <span class="badge light">{t('entity')} #{f.current.entity}</span> : null}
        {f.current.story ? <span class="badge light">{t('article.story')} #{f.current.story}</span> : null}
      </Filters>
      <PageStatus state={state} onOffset={f.page}>
        {(page) => (
          <>
            <div class="list">
              {page.items.map((s) => (
                <StatementCard key={s.id} s={s} />
              ))}
            </div>
          </>
        )}
      </PageStatus>
    </section>
  );
}
