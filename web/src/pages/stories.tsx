// Stories: articles clustered across outlets. The story page is a timeline of its articles, each
// with the statements it reported (a click opens the source with the quote highlighted).
import type { Page, StoryArticle, StoryDetail, StoryItem } from '../../../src/serve/types';
import { api, useApi } from '../api';
import { Ar, DateRangeFields, Day, ExtLink, Field, Filters, PageStatus, StanceBadge, Status, TextInput } from '../components';
import { useT } from '../i18n';
import { articleLink, link, type Route, useFilters } from '../router';
import { EventList } from './entities';

const KEYS = ['from', 'to', 'min'] as const;

export function StoriesPage({ route }: { route: Route }) {
  const t = useT();
  const f = useFilters(route, 'stories', KEYS);
  const state = useApi<Page<StoryItem>>(api('stories', { ...f.current, limit: 30, offset: f.offset }));
  return (
    <section>
      <h1>{t('stories.title')}</h1>
      <Filters onApply={f.apply} onReset={f.reset}>
        <DateRangeFields form={f.form} set={f.set} />
        <Field label={t('stories.min')}>
          <TextInput type="number" value={f.form.min} onInput={f.set('min')} placeholder="2" />
        </Field>
      </Filters>
      <PageStatus state={state} onOffset={f.page}>
        {(page) => (
          <>
            <ul class="list">
              {page.items.map((s) => (
                <li key={s.id} class="card" data-testid="story">
                  <a href={link(`stories/${s.id}`)} class="title">
                    <Ar>{s.title ?? `#${s.id}`}</Ar>
                  </a>
                  <div class="meta">
                    <Day day={s.first_day} /> – <Day day={s.last_day} /> · {s.articles} {t('articles')} · {s.outlets} {t('outlets')}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </PageStatus>
    </section>
  );
}

const byDate = (a: StoryArticle, b: StoryArticle): number => (a.published ?? '').localeCompare(b.published ?? '') || a.id - b.id;

export function StoryPage({ id }: { id: string }) {
  const t = useT();
  const state = useApi<StoryDetail>(api(`stories/${encodeURIComponent(id)}`));
  return (
    <Status state={state}>
      {(d) => (
        <section>
          <h1>
            <Ar>{d.story.title ?? `#${d.story.id}`}</Ar>
          </h1>
          <p class="meta">
            <Day day={d.story.first_day} /> – <Day day={d.story.last_day} /> · {d.story.articles} {t('articles')} · {d.story.outlets} {t('outlets')} ·{' '}
            <a href={link('statements', { story: d.story.id })}>{t('nav.statements')}</a> · <a href={link('map', { story: d.story.id })}>{t('nav.map')}</a>
          </p>
          <h2>{t('story.timeline')}</h2>
          <ol class="timeline">
            {[...d.articles].sort(byDate).map((a) => (
              <li key={a.id} class="card" data-testid="story-article">
                <div class="meta">
                  <Day day={a.published} /> · <Ar class="outlet">{a.outlet ?? ''}</Ar>
                  {a.duplicate_of !== null ? <span class="badge light">{t('story.duplicate')}</span> : null}
                </div>
                <a href={articleLink(a.id)} class="title">
                  <Ar>{a.title ?? `#${a.id}`}</Ar>
                </a>
                <div>
                  <ExtLink url={a.url} />
                </div>
                {a.statements.length ? (
                  <ul class="mini-statements">
                    {a.statements.map((s) => (
                      <li key={s.id} data-testid="statement">
                        <a href={articleLink(a.id, s.span)} data-testid="statement-source">
                          <Ar class="speaker">{s.speaker}</Ar>
                        </a>{' '}
                        <StanceBadge stance={s.stance} /> <Ar class="quote-inline">«{s.quote}»</Ar>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted">{t('story.noStatements')}</p>
                )}
              </li>
            ))}
          </ol>
          {d.events.length ? (
            <>
              <h2>{t('events')}</h2>
              <EventList events={d.events} />
            </>
          ) : null}
        </section>
      )}
    </Status>
  );
}
