/**
 * Contract for the emulator's non-JSON-RPC HTTP routes (JWKS, OpenID discovery, OAuth 2.0 endpoints, the
 * emulator-only `/_cogcap/...` endpoints for codes and usage metrics). The node:http adapter tries each route in
 * order after the AWS JSON 1.1 `POST /` dispatcher declined the request; the first non-undefined answer wins.
 */

/** A buffered HTTP request. */
export interface HttpRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/us-east-1_Ab12Cd34E/.well-known/jwks.json`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** Base URL the client used, e.g. `http://127.0.0.1:9229`, for issuer and redirect URLs. */
  readonly baseUrl: string;
  /** Emulator clock at arrival, ms. */
  readonly receivedAtMs: number;
}

/** A buffered HTTP response. */
export interface HttpResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string or Buffer is sent as is; any other value is sent as JSON. */
  readonly body?: unknown;
}

/** One route: answers the request, or returns undefined to let the next route try. */
export type HttpRoute = (req: HttpRequest) => Promise<HttpResponse | undefined>;
