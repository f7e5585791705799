import type { HttpRequest, HttpResponse } from '../http-route.js';

/** Answers one request in-process (the emulator app's `handle`). */
export type LocalHandler = (req: HttpRequest) => Promise<HttpResponse>;

/** A JSON answer from an identity provider. */
export interface IdpAnswer {
  readonly status: number;
  readonly json: Record<string, unknown> | undefined;
}

/** How the emulator talks to identity providers. */
export interface IdpHttp {
  get(url: string): Promise<IdpAnswer>;
  postForm(url: string, form: Record<string, string>, headers?: Record<string, string>): Promise<IdpAnswer>;
}

function parse(body: unknown): Record<string, unknown> | undefined {
  try {
    const v: unknown = typeof body === 'string' || Buffer.isBuffer(body) ? JSON.parse(body.toString()) : body;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An IdP client: URLs under `baseUrl` (the emulator's own host, e.g. the built-in test IdP) are answered in-process
 * by `local` without a socket; any other URL goes through `fetchFn` (default global fetch).
 */
export function idpHttp(baseUrl: string, local: LocalHandler | undefined, nowMs: () => number, fetchFn: typeof fetch = fetch): IdpHttp {
  const inProcess = async (method: string, url: URL, body: string, headers: Record<string, string>): Promise<IdpAnswer> => {
    const res = await local!({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      body: Buffer.from(body),
      baseUrl,
      receivedAtMs: nowMs(),
    });
    return { status: res.status, json: parse(res.body) };
  };
  const remote = async (url: string, init: RequestInit): Promise<IdpAnswer> => {
    const res = await fetchFn(url, { ...init, signal: AbortSignal.timeout(5_000) });
    let json: Record<string, unknown> | undefined;
    try {
      json = parse(await res.text());
    } catch {
      json = undefined;
    }
    return { status: res.status, json };
  };
  const isLocal = (url: string) => local !== undefined && (url === baseUrl || url.startsWith(`${baseUrl}/`));
  return {
    get: (url) => (isLocal(url) ? inProcess('GET', new URL(url), '', {}) : remote(url, { method: 'GET' })),
    postForm: (url, form, headers = {}) => {
      const body = new URLSearchParams(form).toString();
      const h = { 'content-type': 'application/x-www-form-urlencoded', ...headers };
      return isLocal(url) ? inProcess('POST', new URL(url), body, h) : remote(url, { method: 'POST', body, headers: h });
    },
  };
}
