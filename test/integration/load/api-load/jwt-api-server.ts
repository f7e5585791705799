import { createServer, type Server, type ServerResponse } from 'node:http';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';

/** A small protected API for tests: verifies Bearer tokens against a JWKS, 401 on bad tokens, 429 above a rate. */
export interface JwtApiServer {
  readonly url: string;
  /** Answers so far by status. */
  readonly answers: Map<number, number>;
  close(): Promise<void>;
}

/**
 * Starts the API on 127.0.0.1, port 0: any path answers 200 for a token that verifies (issuer trusted by
 * `jwksUrlOf`, signature against that JWKS, `iss` equal), 401 otherwise, and 429 for requests beyond `maxPerSec` in
 * the current one-second window (checked before the token, as an API gateway would).
 */
export async function startJwtApiServer(options: { jwksUrlOf: (issuer: string) => string | undefined; maxPerSec: number }): Promise<JwtApiServer> {
  const jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const answers = new Map<number, number>();
  let windowStart = Date.now();
  let inWindow = 0;
  const reply = (res: ServerResponse, status: number): void => {
    answers.set(status, (answers.get(status) ?? 0) + 1);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }));
  };
  const verify = async (token: string): Promise<void> => {
    const iss = decodeJwt(token).iss ?? '';
    const url = options.jwksUrlOf(iss);
    if (!url) throw new Error('untrusted issuer');
    let set = jwks.get(url);
    if (!set) jwks.set(url, (set = createRemoteJWKSet(new URL(url))));
    await jwtVerify(token, set, { issuer: iss });
  };
  const server: Server = createServer((req, res) => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    inWindow += 1;
    if (inWindow > options.maxPerSec) return reply(res, 429);
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    if (!m) return reply(res, 401);
    verify(m[1]!).then(
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
