import { TargetError } from '../../errors.js';
import type { TestUser } from '../flow.js';

/**
 * The emulator-only bulk seeding path for {@link seedPopulation}'s `bulkCreate`: `POST /_cogcap/users` on a cogcap
 * emulator creates confirmed users with the given passwords directly (no API calls, no quota). Users whose name is
 * taken are skipped by the emulator (they already exist). A missing route or unknown pool throws
 * {@link TargetError}.
 */
export function emulatorBulkCreate(baseUrl: string, userPoolId: string): (users: readonly TestUser[]) => Promise<void> {
  const url = `${baseUrl.replace(/\/$/, '')}/_cogcap/users`;
  return async (users) => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          userPoolId,
          users: users.map((u) => ({
            username: u.username,
            password: u.password,
            ...(u.email ? { attributes: { email: u.email, email_verified: 'true' } } : {}),
          })),
        }),
      });
    } catch (err) {
      throw new TargetError(`cannot reach the emulator at ${baseUrl}: ${(err as Error).message}`);
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      throw new TargetError(
        `emulator bulk seeding failed: HTTP ${res.status}${body.message ? ` ${body.message}` : ''}`,
        res.status === 404 && !/pool/i.test(body.message ?? '') ? 'this emulator has no /_cogcap/users route: seed through the API instead' : undefined,
      );
    }
  };
}
