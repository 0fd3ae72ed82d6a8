// The parameters a route takes, declared once: the server checks requests against them and the
// OpenAPI document is written from them. A bad parameter is a 400 whose message names it and
// says what it accepts; an unknown one is refused too, so that a typo («form=» for «from=») is
// not silently ignored and an analyst does not read unfiltered results as filtered ones.

export type ParamType = 'string' | 'integer' | 'date' | 'enum' | 'flag';

export interface ParamSpec {
  name: string;
  in: 'query' | 'path';
  type: ParamType;
  description: string;
  required?: boolean;
  min?: number;
  max?: number;
  default?: number | string;
  values?: readonly string[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly param?: string) {
    super(message);
  }
}

export type Params = Record<string, string | number | boolean | undefined>;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Longest text parameter: a query, a name. Longer is a mistake or an attack, never a search. */
export const MAX_TEXT = 500;
/** Most query parameters a request may carry: no route takes more than a dozen. */
export const MAX_QUERY_PARAMS = 32;
/** C0 and C1 control characters and DEL: never in a search or a name; in a log line they could forge lines. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The query string of a request address, read strictly: URLSearchParams turns a broken escape
 * («%E0%A4%A», «%zz») silently into U+FFFD or leaves it as text, so a malformed address would
 * search for something the client never asked for. Here it is a 400 that says so.
 */
export function parseQuery(search: string): URLSearchParams {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  const parts = raw ? raw.split('&').filter((p) => p !== '') : [];
  if (parts.length > MAX_QUERY_PARAMS) {
    throw new ApiError(400, `The request has ${parts.length} query parameters; at most ${MAX_QUERY_PARAMS} are accepted.`);
  }
  const out = new URLSearchParams();
  for (const part of parts) {
    const eq = part.indexOf('=');
    const [name, value] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    out.append(decodeComponent(name, null), decodeComponent(value, name));
  }
  return out;
}

function decodeComponent(s: string, param: string | null): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    const what = param === null ? 'A query parameter name' : `The parameter '${shown(param)}'`;
    throw new ApiError(400, `${what} is not valid percent-encoding (each % must begin an escape of two hex digits, and the bytes must be UTF-8).`, param ?? undefined);
  }
}

/** A name or value as it may be shown in a message: short, without control characters. */
const shown = (name: string): string => name.slice(0, 40).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function parseOne(spec: ParamSpec, raw: string): string | number | boolean {
  const bad = (what: string) => new ApiError(400, `The parameter '${spec.name}' ${what}.`, spec.name);
  switch (spec.type) {
    case 'integer': {
      if (!/^-?\d{1,15}$/.test(raw)) throw bad(`must be a whole number, not '${shown(raw)}'`);
      const n = Number(raw);
      if (spec.min !== undefined && n < spec.min) throw bad(`must be at least ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) throw bad(`must be at most ${spec.max}`);
      return n;
    }
    case 'date':
      if (!isDay(raw)) throw bad(`must be a day written YYYY-MM-DD (e.g. 2021-07-26), not '${shown(raw)}'`);
      return raw;
    case 'enum':
      if (!spec.values!.includes(raw)) throw bad(`must be one of ${spec.values!.join(', ')}, not '${shown(raw)}'`);
      return raw;
    case 'flag':
      if (raw !== '1' && raw !== '0' && raw !== 'true' && raw !== 'false') throw bad(`must be 1 or 0`);
      return raw === '1' || raw === 'true';
    case 'string': {
      if (CONTROL.test(raw)) throw bad('contains a control character (a line break, a tab, a NUL…); give it as plain text');
      const s = raw.trim();
      if (s.length > MAX_TEXT) throw bad(`is longer than ${MAX_TEXT} characters`);
      return s;
    }
  }
}

/** Checks a request's parameters against the route's; throws an ApiError (400) at the first bad one. */
export function parseParams(specs: readonly ParamSpec[], query: URLSearchParams, path: Record<string, string>): Params {
  const known = new Set(specs.filter((s) => s.in === 'query').map((s) => s.name));
  for (const name of new Set(query.keys())) {
    if (!known.has(name)) {
      const takes = [...known].join(', ') || 'no query parameters';
      throw new ApiError(400, `This route does not take the parameter '${shown(name)}'; it takes: ${takes}.`, shown(name));
    }
    if (query.getAll(name).length > 1) throw new ApiError(400, `The parameter '${name}' is given more than once; give it once.`, name);
  }
  const out: Params = {};
  for (const spec of specs) {
    const raw = spec.in === 'path' ? path[spec.name] : query.get(spec.name) ?? undefined;
    if (raw === undefined || raw === '') {
      if (spec.required) throw new ApiError(400, `The parameter '${spec.name}' is required: ${spec.description}`, spec.name);
      out[spec.name] = spec.default;
      continue;
    }
    out[spec.name] = parseOne(spec, raw);
  }
  if (typeof out['from'] === 'string' && typeof out['to'] === 'string' && out['from'] > out['to']) {
    throw new ApiError(400, `The range is empty: 'from' (${out['from']}) is after 'to' (${out['to']}).`, 'from');
  }
  return out;
}

// Parameters shared by several routes.
export const limit = (max = 100, def = 20): ParamSpec => ({
  name: 'limit', in: 'query', type: 'integer', min: 1, max, default: def, description: `How many items per page (1–${max}).`,
});
export const offset: ParamSpec = { name: 'offset', in: 'query', type: 'integer', min: 0, max: 1_000_000, default: 0, description: 'How many items to skip (pagination).' };
export const from: ParamSpec = { name: 'from', in: 'query', type: 'date', description: 'First day, inclusive (YYYY-MM-DD).' };
export const to: ParamSpec = { name: 'to', in: 'query', type: 'date', description: 'Last day, inclusive (YYYY-MM-DD).' };
export const idParam = (what: string): ParamSpec => ({ name: 'id', in: 'path', type: 'integer', min: 1, required: true, description: `The ${what}'s number.` });
