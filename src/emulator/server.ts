import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EmulatorApp } from './app.js';
import { CORS_HEADERS } from './cors.js';
import type { HttpResponse } from './http-route.js';

/** Options of {@link createEmulatorServer}. */
export interface EmulatorServerOptions {
  /** Largest accepted request body, bytes; larger ones get 413 SerializationException. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Clock for `receivedAtMs`, ms. Default `Date.now`. */
  readonly now?: () => number;
}

/** Default body limit: 1 MiB (Cognito requests are a few KB). */
export const DEFAULT_MAX_BODY_BYTES = 1 << 20;

function send(res: ServerResponse, r: HttpResponse, head: boolean): void {
  const headers: Record<string, string> = { ...r.headers };
  let payload: Buffer;
  if (r.body === undefined || r.body === null) payload = Buffer.alloc(0);
  else if (Buffer.isBuffer(r.body)) payload = r.body;
  else if (typeof r.body === 'string') payload = Buffer.from(r.body);
  else {
    payload = Buffer.from(JSON.stringify(r.body));
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  headers['content-length'] = String(payload.length);
  res.writeHead(r.status, headers);
  res.end(head ? undefined : payload);
}

/**
 * The node:http adapter: buffers each request (up to `maxBodyBytes`), hands it to `app.handle` and writes the answer.
 * Keep-alive connections stay open 65 s. It never lets an exception escape.
 */
export function createEmulatorServer(app: EmulatorApp, options: EmulatorServerOptions = {}): Server {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = options.now ?? Date.now;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const receivedAtMs = now();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    const declared = Number(req.headers['content-length'] ?? 0);
    const reject413 = (): void => {
      tooBig = true;
      send(
        res,
        {
          status: 413,
          headers: {
            ...CORS_HEADERS,
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-errortype': 'SerializationException:',
            connection: 'close',
          },
          body: JSON.stringify({ __type: 'SerializationException', message: `Request body larger than ${maxBody} bytes` }),
        },
        false,
      );
      req.resume();
    };
    if (declared > maxBody) {
      reject413();
      return;
    }
    req.on('data', (c: Buffer) => {
      if (tooBig) return;
      size += c.length;
      if (size > maxBody) reject413();
      else chunks.push(c);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (tooBig) return;
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      app
        .handle({
          method: req.method ?? 'GET',
          path: q < 0 ? url : url.slice(0, q),
          query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
          headers,
          body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
          baseUrl: `http://${req.headers.host ?? 'localhost'}`,
          receivedAtMs,
        })
        .then(
          (r) => send(res, r, req.method === 'HEAD'),
          () => send(res, { status: 500, body: { __type: 'InternalErrorException', message: 'An internal error occurred.' } }, false),
        )
        .catch(() => res.destroy());
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
