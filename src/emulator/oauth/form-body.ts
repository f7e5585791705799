import type { HttpRequest } from '../http-route.js';

/** The `application/x-www-form-urlencoded` body of a request as a single-valued map (first value wins). */
export function formBody(req: HttpRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(req.body.toString('utf8'))) if (!(k in out)) out[k] = v;
  return out;
}

/** Client credentials from `Authorization: Basic base64(client_id:client_secret)`, or undefined when absent. */
export function basicCredentials(req: HttpRequest): { clientId: string; clientSecret: string } | undefined | 'malformed' {
  const header = req.headers['authorization'];
  if (header === undefined) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!m) return 'malformed';
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  // RFC 6749 2.3.1: both parts are form-urlencoded before base64.
  const unescape = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return { clientId: unescape(decoded.slice(0, colon)), clientSecret: unescape(decoded.slice(colon + 1)) };
}

/** A `Set-Cookie`-free reader of one cookie value from the `cookie` header. */
export function cookieValue(req: HttpRequest, name: string): string | undefined {
  const header = req.headers['cookie'];
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
