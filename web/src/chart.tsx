// The daily timeline: a hand-made SVG bar chart of statements and events per day (no chart
// library). Time runs left to right in both interface languages, like the dates it labels.
import type { DayCount } from '../../src/serve/types';
import { useT } from './i18n';

const DAY = 86_400_000;
const toMs = (d: string): number => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * `clip`: only the days inside [from, to] (either end may be null). Dates read from the text can be
 * wildly off (a year 0921 or 2057); one such day would stretch the axis and squeeze the real data
 * into a pixel, so callers clip to the articles' publication range when the user gave no range.
 */
export function DayChart({
  items,
  onDay,
  height = 140,
  clip,
}: {
  items: DayCount[];
  onDay?: (day: string) => void;
  height?: number;
  clip?: { from: string | null; to: string | null };
}) {
  const t = useT();
  const lo = clip?.from ? toMs(clip.from) : NaN;
  const hi = clip?.to ? toMs(clip.to) : NaN;
  const days = items.filter((d) => {
    const ms = toMs(d.day);
    return !Number.isNaN(ms) && !(ms < lo) && !(ms > hi); // NaN bounds compare false: no clipping
  });
  if (!days.length) {
    return (
      <svg class="chart empty" data-testid="timeline-chart" data-days="0" viewBox="0 0 800 40" role="img">
        <text x="400" y="24" text-anchor="middle">
          {t('timeline.empty')}
        </text>
      </svg>
    );
  }
  const first = Math.min(...days.map((d) => toMs(d.day)));
  const last = Math.max(...days.map((d) => toMs(d.day)));
  const span = Math.round((last - first) / DAY) + 1; // days on the axis, gaps included
  const W = 800;
  const pad = { l: 34, r: 8, t: 8, b: 22 };
  const plotW = W - pad.l - pad.r;
  const plotH = height - pad.t - pad.b;
  const slot = plotW / span;
  const max = Math.max(1, ...days.map((d) => Math.max(d.statements, d.events)));
  const y = (v: number): number => pad.t + plotH - (v / max) * plotH;
  // Thin slots on long ranges: keep every bar at least 2 units wide so a single day stays visible.
  const bar = Math.max(2, slot / 2 - 0.5);

  // About six date ticks, on whole days.
  const step = Math.max(1, Math.ceil(span / 6));
  const ticks: number[] = [];
  for (let i = 0; i < span; i += step) ticks.push(i);

  return (
    <svg
      class="chart"
      data-testid="timeline-chart"
      data-days={days.length}
      viewBox={`0 0 ${W} ${height}`}
      dir="ltr"
      // role="img" would hide the day buttons from assistive technology: a group when they are clickable.
      role={onDay ? 'group' : 'img'}
      aria-label={t('timeline.title')}
    >
      <line x1={pad.l} x2={W - pad.r} y1={pad.t + plotH} y2={pad.t + plotH} class="axis" />
      <text x={pad.l - 4} y={pad.t + 8} text-anchor="end" class="tick">
        {max}
      </text>
      <text x={pad.l - 4} y={pad.t + plotH} text-anchor="end" class="tick">
        0
      </text>
      {ticks.map((i) => (
        <text key={i} x={pad.l + i * slot + slot / 2} y={height - 6} text-anchor="middle" class="tick">
          {fromMs(first + i * DAY)}
        </text>
      ))}
      {days.map((d) => {
        const x = pad.l + Math.round((toMs(d.day) - first) / DAY) * slot;
        const day = d.day.slice(0, 10);
        // A clickable day is a keyboard-reachable button (Tab, then Enter or Space).
        const open = onDay ? (): void => onDay(day) : undefined;
        return (
          <g
            key={d.day}
            class={onDay ? 'day clickable' : 'day'}
            role={open ? 'button' : undefined}
            // lowercase: Preact sets `tabIndex` on SVG as a case-sensitive attribute SVG ignores
            tabindex={open ? 0 : undefined}
            aria-label={open ? t('timeline.open', { day, s: d.statements, e: d.events }) : undefined}
            onClick={open}
            onKeyDown={
              open
                ? (e) => {
                    if (e.key !== 'Enter' && e.key !== ' ') return;
                    e.preventDefault();
                    open();
                  }
                : undefined
            }
          >
            <title>{t('timeline.day', { day: d.day.slice(0, 10), s: d.statements, e: d.events })}</title>
            {/* a transparent full-height hit area makes thin bars easy to point at */}
            <rect x={x} y={pad.t} width={slot} height={plotH} class="hit" />
            <rect x={x + 0.25} y={y(d.statements)} width={bar} height={pad.t + plotH - y(d.statements)} class="bar-s" />
            <rect x={x + 0.25 + bar} y={y(d.events)} width={bar} height={pad.t + plotH - y(d.events)} class="bar-e" />
          </g>
        );
      })}
    </svg>
  );
}

export function ChartLegend() {
  const t = useT();
  return (
    <p class="legend">
      <span class="swatch bar-s" /> {t('statements')} <span class="swatch bar-e" /> {t('events')}
    </p>
  );
}
