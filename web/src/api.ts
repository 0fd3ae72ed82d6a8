// Fetching the JSON API. Errors keep the server's message ({error:{status,message,param}}) so
// the user sees why a request failed (a bad date, an unknown id…).
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../src/serve/types';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiFailure(0, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    let body: Partial<ApiError> | undefined;
    try {
      body = (await res.json()) as Partial<ApiError>;
    } catch {
      /* not JSON: fall back to the status line */
    }
    const err = body?.error;
    throw new ApiFailure(err?.status ?? res.status, err?.message ?? `${res.status} ${res.statusText}`, err?.param);
  }
  return (await res.json()) as T;
}

/** `/api/x?k=v`, dropping empty values. */
export function api(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `/api/${path}${s ? `?${s}` : ''}`;
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiFailure | undefined;
  loading: boolean;
}

/** Fetches `url` (null: nothing to fetch) and refetches when it changes; stale answers are dropped. */
export function useApi<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: url !== null });
  useEffect(() => {
    if (url === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    getJson<T>(url, ctl.signal).then(
      (data) => setState({ data, error: undefined, loading: false }),
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        const error = e instanceof ApiFailure ? e : new ApiFailure(0, String(e));
        setState({ data: undefined, error, loading: false });
      },
    );
    return () => ctl.abort();
  }, [url]);
  return state;
}
