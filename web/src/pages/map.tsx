// Map + timeline. The map has no tile layer (nothing is fetched from a tile server): only the
// country outlines bundled at build time (/boundaries.json) and the located events as circles.
// Popups are DOM nodes filled with textContent — scraped text never becomes HTML.
import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DayCount, EventItem, Health, Page } from '../../../src/serve/types';
import { api, getJson, useApi } from '../api';
import { ChartLegend, DayChart } from '../chart';
import { DateRangeFields, ErrorBox, Field, Filters, Select, Status } from '../components';
import { EVENT_TYPES, type T, useT } from '../i18n';
import { articleLink, go, type Route, useFilters } from '../router';

const KEYS = ['from', 'to', 'type', 'entity', 'story'] as const;

/** Iraq and Syria: the first view, before the outlines arrive. */
const START: L.LatLngBoundsExpression = [
  [29, 35.5],
  [37.5, 48.6],
];

const COLORS: Record<string, string> = {
  assault: '#c0392b',
  airstrike: '#8e44ad',
  base_handover: '#2471a3',
  troop_presence: '#117a65',
  meeting: '#b9770e',
  withdrawal_plan: '#5d6d7e',
  training: '#1e8449',
};

/** Radius grows with the square root of the casualties, so a massacre does not cover a country. */
const radius = (ev: EventItem): number => Math.min(24, 5 + 2 * Math.sqrt((ev.killed ?? 0) + (ev.injured ?? 0)));

export function MapPage({ route }: { route: Route }) {
  const t = useT();
  const f = useFilters(route, 'map', KEYS);
  // With no range given, the articles' publication range (/api/health) is the default: statement and
  // event dates read from the text can be wildly off (years 0921, 2057) and would squash the chart.
  // The requests wait for it (or for its failure: then no default) rather than ask twice.
  const explicit = Boolean(f.current.from || f.current.to);
  const health = useApi<Health>(explicit ? null : api('health'));
  const ready = explicit || health.data !== undefined || health.error !== undefined;
  const def = explicit ? null : { from: health.data?.first_day?.slice(0, 10) ?? null, to: health.data?.last_day?.slice(0, 10) ?? null };
  const range = def ?? { from: f.current.from, to: f.current.to };
  const events = useApi<Page<EventItem>>(ready ? api('events', { ...f.current, ...range, located: 1, limit: 5000 }) : null);
  const timeline = useApi<{ items: DayCount[] }>(
    ready ? api('timeline', { from: range.from, to: range.to, entity: f.current.entity, story: f.current.story }) : null,
  );
  return (
    <section>
      <h1>{t('map.title')}</h1>
      <Filters onApply={f.apply} onReset={f.reset}>
        <DateRangeFields form={f.form} set={f.set} shown={def} />
        <Field label={t('type')}>
          <Select value={f.form.type} onChange={f.set('type')} options={EVENT_TYPES.map((x) => [x, t.v('event', x)])} />
        </Field>
        {f.current.entity ? <span class="badge light">{t('entity')} #{f.current.entity}</span> : null}
        {f.current.story ? <span class="badge light">{t('article.story')} #{f.current.story}</span> : null}
      </Filters>
      {events.error ? <ErrorBox error={events.error} /> : null}
      <EventMap events={events.data?.items} total={events.data?.total ?? null} loading={!ready || events.loading} />
      <h2>{t('timeline.title')}</h2>
      <Status state={timeline}>
        {(d) => (
          <>
            <DayChart items={d.items} clip={def ?? undefined} onDay={(day) => go('map', { ...f.current, from: day, to: day })} />
            <ChartLegend />
          </>
        )}
      </Status>
    </section>
  );
}

/** `total`: how many events match in all; the map asks for at most 5000, so it may draw fewer. */
function EventMap({ events, total, loading }: { events: EventItem[] | undefined; total: number | null; loading: boolean }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const [drawn, setDrawn] = useState<number | null>(null);
  const [boundaryError, setBoundaryError] = useState<string | null>(null);

  // Create the map once; the outlines are static.
  useEffect(() => {
    const m = L.map(box.current!, { attributionControl: false, zoomSnap: 0.5, minZoom: 3, maxZoom: 12, worldCopyJump: false });
    m.fitBounds(START);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    const ctl = new AbortController();
    getJson<FeatureCollection>('/boundaries.json', ctl.signal).then(
      (fc) => {
        L.geoJSON(fc, {
          interactive: false,
          style: (feat) =>
            feat?.properties?.focus
              ? { color: '#3d5a80', weight: 1.5, fillColor: '#f4f1e8', fillOpacity: 1 }
              : { color: '#9aa5b1', weight: 0.8, fillColor: '#eceae4', fillOpacity: 1 },
        })
          .addTo(m)
          .bringToBack();
      },
      (e: unknown) => !ctl.signal.aborted && setBoundaryError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      ctl.abort();
      m.remove();
      map.current = null;
    };
  }, []);

  // Redraw the circles when the events (or the interface language of the popups) change.
  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    if (!events) {
      setDrawn(null);
      return;
    }
    let n = 0;
    for (const ev of events) {
      if (ev.lat === null || ev.lon === null) continue;
      const color = COLORS[ev.type] ?? '#444';
      L.circleMarker([ev.lat, ev.lon], { radius: radius(ev), color, weight: 1, fillColor: color, fillOpacity: 0.45 })
        .bindPopup(() => popup(ev, t))
        .addTo(group);
      n++;
    }
    setDrawn(n);
  }, [events, t.lang]);

  return (
    <div class="map-wrap">
      {/* Leaflet lays out its panes for LTR; the map itself has no reading direction. */}
      <div ref={box} class="map" dir="ltr" data-testid="map" data-events={drawn ?? undefined} />
      <p class="muted small">
        {drawn === null
          ? loading
            ? t('loading')
            : '' // failed: the error is shown above the map
          : events && total !== null && total > events.length
            ? t('map.eventsOf', { n: drawn, total })
            : t('map.events', { n: drawn })}{' '}
        · Natural Earth / world-atlas
        {boundaryError ? ` · ${t('map.boundariesError')}: ${boundaryError}` : ''}
      </p>
    </div>
  );
}

/** The popup as DOM nodes (textContent only); its link goes to the source sentence. */
function popup(ev: EventItem, t: T): HTMLElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  };
  const root = el('div', undefined, 'popup');
  root.dir = t.lang === 'ar' ? 'rtl' : 'ltr';
  root.append(el('strong', t.v('event', ev.type)));
  const lines: string[] = [];
  lines.push(ev.date ?? t('noDate'));
  if (ev.location) lines.push(`${t('location')}: ${ev.location}`);
  if (ev.killed !== null) lines.push(`${ev.killed} ${t('killed')}`);
  if (ev.injured !== null) lines.push(`${ev.injured} ${t('injured')}`);
  root.append(el('div', lines.join(' · '), 'meta'));
  const quote = el('p', ev.text, 'quote-inline');
  quote.lang = 'ar';
  quote.dir = 'rtl';
  root.append(quote);
  const a = el('a', `${t('openArticle')}${ev.outlet ? ` — ${ev.outlet}` : ''}`);
  a.href = articleLink(ev.article, ev.span);
  a.dataset.testid = 'popup-source';
  root.append(a);
  return root;
}
