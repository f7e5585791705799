import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A canned AWS JSON 1.1 answer. */
export interface FakeAnswer {
  status: number;
  body: unknown;
  delayMs?: number;
}

/** A tiny JSON 1.1 server on 127.0.0.1:0 that answers each call with `answer(operation, body)` and counts requests. */
export async function startFakeCognito(answer: (operation: string, body: Record<string, unknown>) => FakeAnswer) {
  const calls: { operation: string; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      calls.push({ operation, body });
      const a = answer(operation, body);
      const send = () => {
        const text = JSON.stringify(a.body);
        const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r' };
        const type = (a.body as { __type?: string })?.__type;
        if (type) headers['x-amzn-errortype'] = `${type}:`;
        res.writeHead(a.status, headers);
        res.end(text);
      };
      if (a.delayMs) setTimeout(send, a.delayMs);
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
