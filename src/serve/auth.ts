// The write token: endpoints that change the database answer only a request that carries it as
// `Authorization: Bearer TOKEN`. It is compared in constant time, as digests, so that neither the
// position of the first differing character nor the token's length shows in the answer's timing.
import { createHash, timingSafeEqual } from 'node:crypto';

/** Shortest token accepted: a guessable token would make the check pointless. */
export const MIN_TOKEN_LENGTH = 16;
/** Characters of a bearer token (RFC 6750's token68): what a header can carry unchanged. */
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Why a token cannot be used, or null when it can. */
export function tokenProblem(token: string): string | null {
  if (token.length < MIN_TOKEN_LENGTH) return `it has ${token.length} characters; use at least ${MIN_TOKEN_LENGTH} (e.g. \`openssl rand -hex 32\`)`;
  if (token.length > 4096) return 'it is longer than 4096 characters';
  if (!TOKEN.test(token)) return 'it may contain only letters, digits and - . _ ~ + / (and = at the end)';
  return null;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export type AuthResult = 'ok' | 'missing' | 'wrong';

/** Checks a request's Authorization header against the token. */
export function checkBearer(header: string | undefined, token: string): AuthResult {
  const m = /^Bearer +(\S+) *$/i.exec(header ?? '');
  if (!m) return 'missing';
  return timingSafeEqual(digest(m[1]!), digest(token)) ? 'ok' : 'wrong';
}
