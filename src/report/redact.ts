/**
 * Secret hygiene for everything a report prints. Reports print only documented fields (see `report-fields.ts`);
 * free-text fields among them (names, warnings, interrupt reasons, threshold expressions) also pass through
 * {@link redactSecrets}, which masks anything that looks like a credential.
 */

/** What replaces a masked value. */
export const REDACTED = '[redacted]';

const PATTERNS: readonly [RegExp, string | ((...m: string[]) => string)][] = [
  // JWTs (Cognito id/access tokens): header.payload.signature, base64url
  [/eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // URL userinfo: scheme://user:password@host
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/g, (_m, p1) => `${p1}${REDACTED}@`],
  // Authorization headers
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, (_m, p1) => `${p1} ${REDACTED}`],
  // key=value / key: value pairs whose key names a secret
  [
    /\b([A-Za-z_-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|credential|signature|session)[A-Za-z_-]*)(\s*["']?\s*[:=]\s*["']?)([^\s"'&,;)}\]]+)/gi,
    (_m, k, sep) => `${k}${sep}${REDACTED}`,
  ],
  // AWS access key ids
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, REDACTED],
  // Long opaque strings (refresh tokens, client secrets, secret access keys, hex keys): 32+ token characters,
  // unless they read as an identifier or path (lower-case words and numbers joined by - _ / .), e.g. run ids.
  [/[A-Za-z0-9+/_=.-]{32,}/g, (m) => (looksLikeIdentifier(m) ? m : REDACTED)],
];

/** `20260101-000000-launch-day-ramp-ab12`, `scenarios/launch-day.yaml`: separated lower-case words and numbers. */
function looksLikeIdentifier(s: string): boolean {
  const parts = s.split(/[-_/.]/);
  return parts.length >= 2 && parts.every((p) => /^[a-z0-9]{0,20}$/.test(p));
}

/** Masks credential-looking substrings (JWTs, URL passwords, bearer tokens, key=value secrets, AWS keys, long opaque strings). */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep as never);
  return out;
}

/** A URL for display: scheme, host, port and path only (no user info, query or fragment); `[invalid url]` otherwise. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return redactSecrets(`${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`);
  } catch {
    return '[invalid url]';
  }
}

/** An error type for display: a plain identifier (e.g. `NotAuthorizedException`), else `OtherError`. */
export function displayErrorType(type: string): string {
  return /^[A-Za-z][A-Za-z0-9_.]{0,80}$/.test(type) ? redactSecrets(type) : 'OtherError';
}

/** A name (flow, operation, scenario) for display: redacted, control characters removed, at most 120 characters. */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = redactSecrets(name).replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}
