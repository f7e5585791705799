import { Agent, request } from 'node:http';

/** X-Amz-Target prefix of the Cognito user-pool API. */
export const IDP_TARGET = 'AWSCognitoIdentityProviderService.';

/**
 * POSTs `body` as JSON to `${url}${path}`: a Cognito JSON 1.1 call when `operation` is set (X-Amz-Target header),
 * a plain JSON POST otherwise. Resolves with the status and the parsed body (`{}` when empty or not JSON).
 */
export function postJson(url: string, agent: Agent, operation: string, body: unknown, path = '/'): Promise<{ status: number; json: any }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      `${url.replace(/\/$/, '')}${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': operation ? 'application/x-amz-json-1.1' : 'application/json',
          ...(operation ? { 'x-amz-target': `${IDP_TARGET}${operation}` } : {}),
          'content-length': data.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let json: unknown = {};
          try {
            json = JSON.parse(Buffer.concat(chunks).toString() || '{}');
          } catch {
            json = {};
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
