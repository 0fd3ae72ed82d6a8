// A tiny hash router: `#/path/segments?query`. The hash holds every filter, so each view can be
// bookmarked, shared and reached with the back button.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** Path segments, e.g. ['stories', '12'] for #/stories/12. */
  parts: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { parts, params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = (): void => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return parseHash(hash);
}

type Params = Record<string, string | number | null | undefined>;

/** Builds `#/path?k=v`, dropping empty values. */
export function link(path: string, params: Params = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `#/${path.replace(/^\//, '')}${s ? `?${s}` : ''}`;
}

export function go(path: string, params: Params = {}): void {
  location.hash = link(path, params);
}

/** Reads the named params of a route into a plain object (missing ones as ''). */
export function pick<K extends string>(params: URLSearchParams, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) out[k] = params.get(k) ?? '';
  return out;
}

export const articleLink = (id: number, span?: [number, number] | null, q?: string): string =>
  link(`articles/${id}`, { hl: span ? `${span[0]}-${span[1]}` : null, q });

/**
 * A filter form backed by the hash: the inputs edit a local copy, "apply" writes it to the hash
 * (back to the first page), and the copy follows the hash when it changes (back button, links).
 */
export function useFilters<K extends string>(route: Route, path: string, keys: readonly K[]) {
  const current = pick(route.params, keys);
  const sig = keys.map((k) => current[k]).join('\u0000');
  const [form, setForm] = useState(current);
  useEffect(() => setForm(current), [sig]);
  const offset = Math.max(0, Number(route.params.get('offset')) || 0);
  return {
    form,
    current,
    offset,
    set: (k: K) => (v: string) => setForm((f) => ({ ...f, [k]: v })),
    apply: () => go(path, { ...form }),
    reset: () => go(path, {}),
    page: (o: number) => go(path, { ...current, offset: o || null }),
  };
}
