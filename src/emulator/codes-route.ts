import type { EmulatorStore } from './store/emulator-store.js';
import type { HttpRoute } from './http-route.js';
import type { PendingCode } from './store/types.js';

function codeJson(c: PendingCode | undefined): Record<string, unknown> | null {
  return c ? { code: c.code, issuedAtMs: c.issuedAtMs, expiresAtMs: c.expiresAtMs } : null;
}

/**
 * Emulator-only: `GET /_cogcap/codes?userPoolId=<id>&username=<username or alias>` answers the latest codes the
 * emulator "sent" to a user, so tests can run sign-up and recovery flows:
 * `{"userPoolId","username","signUp":{code,issuedAtMs,expiresAtMs}|null,"forgotPassword":...|null,
 * "attributes":{"email":{...}}}`. 400 without both parameters, 404 for an unknown pool or user.
 */
export function codesRoute(store: EmulatorStore): HttpRoute {
  return async (req) => {
    if (req.path !== '/_cogcap/codes' || req.method !== 'GET') return undefined;
    const poolId = req.query.get('userPoolId');
    const username = req.query.get('username');
    const json = { 'content-type': 'application/json' };
    if (!poolId || !username) {
      return { status: 400, headers: json, body: { message: 'userPoolId and username query parameters are required' } };
    }
    const pool = store.pools.get(poolId);
    if (!pool) return { status: 404, headers: json, body: { message: `User pool ${poolId} does not exist.` } };
    const user = pool.bySignInName(username);
    if (!user) return { status: 404, headers: json, body: { message: 'User does not exist.' } };
    const attributes: Record<string, unknown> = {};
    for (const [k, c] of Object.entries(user.codes.attributes ?? {})) attributes[k] = codeJson(c);
    return {
      status: 200,
      headers: json,
      body: {
        userPoolId: poolId,
        username: user.username,
        signUp: codeJson(user.codes.signUp),
        forgotPassword: codeJson(user.codes.forgotPassword),
        attributes,
      },
    };
  };
}
