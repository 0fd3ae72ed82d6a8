// Entities: the list (search by name, filter by type) and one entity's page — what it said, what
// was said about it, its events and its activity over time.
import type { EntityDetail, EntityItem, EventItem, Page } from '../../../src/serve/types';
import { api, useApi } from '../api';
import { ChartLegend, DayChart } from '../chart';
import { Ar, Day, Field, Filters, PageStatus, Select, StatementCard, Status, TextInput } from '../components';
import { ENTITY_TYPES, useT } from '../i18n';
import { articleLink, link, type Route, useFilters } from '../router';

const KEYS = ['q', 'type'] as const;

export function EntitiesPage({ route }: { route: Route }) {
  const t = useT();
  const f = useFilters(route, 'entities', KEYS);
  const state = useApi<Page<EntityItem>>(api('entities', { ...f.current, limit: 50, offset: f.offset }));
  return (
    <section>
      <h1>{t('entities.title')}</h1>
      <Filters onApply={f.apply} onReset={f.reset}>
        <Field label={t('entities.q')}>
          <TextInput value={f.form.q} onInput={f.set('q')} testid="entities-q" />
        </Field>
        <Field label={t('type')}>
          <Select value={f.form.type} onChange={f.set('type')} options={ENTITY_TYPES.map((x) => [x, t.v('type', x)])} />
        </Field>
      </Filters>
      <PageStatus state={state} onOffset={f.page}>
        {(page) => (
          <>
            <table class="table">
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id} data-testid="entity">
                    <td>
                      <a href={link(`entities/${e.id}`)}>
                        <Ar>{e.name}</Ar>
                      </a>
                    </td>
                    <td>
                      <TypeBadge type={e.type} />
                    </td>
                    <td>
                      {e.articles} {t('articles')}
                    </td>
                    <td>
                      <Day day={e.first_day} /> – <Day day={e.last_day} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </PageStatus>
    </section>
  );
}

export function TypeBadge({ type }: { type: string }) {
  const t = useT();
  return <span class={`badge ent-${type}`}>{t.v('type', type)}</span>;
}

export function EntityPage({ id }: { id: string }) {
  const t = useT();
  const state = useApi<EntityDetail>(api(`entities/${encodeURIComponent(id)}`));
  return (
    <Status state={state}>
      {(d) => {
        const e = d.entity;
        const others = e.names.filter((n) => n !== e.name);
        return (
          <section>
            <h1>
              <Ar>{e.name}</Ar> <TypeBadge type={e.type} />
            </h1>
            <p class="meta">
              {e.articles} {t('articles')} · <Day day={e.first_day} /> – <Day day={e.last_day} />
              {e.lat !== null && e.lon !== null ? (
                <>
                  {' '}
                  · {t('entity.coords')}: <span dir="ltr">{`${e.lat.toFixed(3)}, ${e.lon.toFixed(3)}`}</span>
                </>
              ) : null}
              {' · '}
              <a href={link('statements', { entity: e.id })}>{t('nav.statements')}</a> · <a href={link('map', { entity: e.id })}>{t('nav.map')}</a>
            </p>
            {others.length ? (
              <p>
                {t('entity.names')}: <Ar>{others.join('، ')}</Ar>
              </p>
            ) : null}
            <h2>{t('entity.activity')}</h2>
            {/* Clipped to the days the entity appears in articles: one misread statement date (a year
                2057) would otherwise stretch the axis and squash the rest. */}
            <DayChart items={d.timeline} clip={{ from: e.first_day, to: e.last_day }} />
            <ChartLegend />
            <div class="columns">
              <div>
                <h2>
                  {t('entity.said')} ({d.said.length})
                </h2>
                {d.said.length ? d.said.map((s) => <StatementCard key={s.id} s={s} compact />) : <p class="muted">{t('empty')}</p>}
              </div>
              <div>
                <h2>
                  {t('entity.about')} ({d.about.length})
                </h2>
                {d.about.length ? d.about.map((s) => <StatementCard key={s.id} s={s} compact />) : <p class="muted">{t('empty')}</p>}
              </div>
            </div>
            <h2>
              {t('entity.events')} ({d.events.length})
            </h2>
            {d.events.length ? <EventList events={d.events} /> : <p class="muted">{t('empty')}</p>}
          </section>
        );
      }}
    </Status>
  );
}

export function Casualties({ killed, injured }: { killed: number | null; injured: number | null }) {
  const t = useT();
  if (killed === null && injured === null) return null;
  return (
    <span class="casualties">
      {killed !== null ? `${killed} ${t('killed')}` : ''}
      {killed !== null && injured !== null ? ' · ' : ''}
      {injured !== null ? `${injured} ${t('injured')}` : ''}
    </span>
  );
}

export function EventList({ events }: { events: EventItem[] }) {
  const t = useT();
  return (
    <ul class="list events">
      {events.map((ev) => (
        <li key={ev.id} class="card event" data-testid="event">
          <div class="meta">
            <span class={`badge ev ev-${ev.type}`}>{t.v('event', ev.type)}</span> <Day day={ev.date} />
            {ev.location ? (
              <>
                {' · '}
                <Ar>{ev.location}</Ar>
              </>
            ) : null}{' '}
            <Casualties killed={ev.killed} injured={ev.injured} />
          </div>
          <a href={articleLink(ev.article, ev.span)} data-testid="event-source">
            <Ar class="quote-inline">{ev.text}</Ar>
          </a>
          <div class="meta">
            <Ar class="outlet">{ev.outlet ?? ''}</Ar>
            {ev.actors.length ? (
              <>
                {' · '}
                {t('actors')}: <Ar>{ev.actors.join('، ')}</Ar>
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
