import { createServer, type Server } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';

/** A small protected API for tests: verifies Bearer tokens against a JWKS, 401 on bad tokens, 429 above a rate. */
export interface JwtApiServer {
  readonly url: string;
  /** Answers so far by status. */
  readonly answers: Map<number, number>;
  close(): Promise<void>;
}

/**
 * Starts the API on 127.0.0.1, port 0: `GET /orders` answers 200 for a token that verifies (signature against
 * `jwksUrl`, issuer), 401 otherwise, and 429 for requests beyond `maxPerSec` in the current one-second window
 * (checked before the token, as an API gateway would).
 */
export async function startJwtApiServer(options: { jwksUrl: string; issuer: string; maxPerSec: number }): Promise<JwtApiServer> {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl));
  const answers = new Map<number, number>();
  let windowStart = Date.now();
  let inWindow = 0;
  const reply = (res: import('node:http').ServerResponse, status: number): void => {
    answers.set(status, (answers.get(status) ?? 0) + 1);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }));
  };
  const server: Server = createServer((req, res) => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    inWindow += 1;
    if (inWindow > options.maxPerSec) return reply(res, 429);
    const auth = req.headers.authorization ?? '';
    const m = /^Bearer (.+)$/.exec(auth);
    if (!m) return reply(res, 401);
    jwtVerify(m[1]!, jwks, { issuer: options.issuer }).then(
      () => reply(res, 200),
      () => reply(res, 401),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    answers,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
