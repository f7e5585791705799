import { createHmac } from 'node:crypto';
import { poolNameOf, serverStart, serverVerify, SRP_N } from '../../cognito/srp.js';
import { runTrigger, type EmulatorContext } from '../context.js';
import { err } from '../errors.js';
import type { PoolState } from '../store/pool-state.js';
import type { ClientConfig } from '../store/types.js';
import { checkSecretHash } from '../handlers/common.js';
import { checkProof, checkUsable, completeSignIn } from './password-sign-in.js';
import { verifierOf } from './password-credential.js';

const TIMESTAMP_RE =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] UTC [0-9]{4}$/;

function missing(name: string): Error {
  return err.invalidParameter(`Missing required parameter ${name}`);
}

function derive(ctx: EmulatorContext, label: string, poolId: string, name: string, bytes: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; out.length * 32 < bytes; i++) {
    out.push(createHmac('sha256', ctx.store.simulationKey).update(`${label}\0${poolId}\0${name}\0${i}`).digest());
  }
  return Buffer.concat(out).subarray(0, bytes);
}

/**
 * USER_SRP_AUTH step 2 (after the secret hash): PASSWORD_VERIFIER challenge with SALT, SRP_B, SECRET_BLOCK,
 * USER_ID_FOR_SRP and USERNAME (the internal username). An unknown user gets UserNotFoundException (LEGACY) or,
 * with PreventUserExistenceErrors ENABLED, a simulated challenge whose salt and user id are stable per username.
 * The pending state (A, b, B) stays in a 3-minute map keyed by SECRET_BLOCK.
 */
export async function srpStart(
  ctx: EmulatorContext,
  pool: PoolState,
  client: ClientConfig,
  typed: string,
  srpA: string | undefined,
  operation: string,
): Promise<Record<string, unknown>> {
  if (!srpA) throw missing('SRP_A');
  const user = pool.bySignInName(typed);
  let userId: string;
  let saltHex: string;
  let verifierHex: string;
  const simulated = !user?.credential;
  if (user?.credential) {
    userId = user.username;
    saltHex = user.credential.saltHex;
    verifierHex = verifierOf(user.credential);
  } else {
    await runTrigger(ctx, pool, 'UserMigration', operation);
    if (client.preventUserExistenceErrors !== 'ENABLED') throw err.userNotFound();
    const key = pool.key(typed);
    const idBytes = derive(ctx, 'user-id', pool.config.id, key, 16);
    userId = pool.config.usernameAttributes.length > 0 ? uuidOf(idBytes) : typed;
    saltHex = derive(ctx, 'salt', pool.config.id, key, 16).toString('hex');
    verifierHex = (BigInt(`0x${derive(ctx, 'verifier', pool.config.id, key, 384).toString('hex')}`) % SRP_N).toString(16);
  }
  const { bHex, BHex } = serverStart(verifierHex, srpA);
  const secretBlock = ctx.random(64).toString('base64');
  ctx.store.srp.set(
    secretBlock,
    { userPoolId: pool.config.id, clientId: client.clientId, userId, AHex: srpA, bHex, BHex, simulated },
    ctx.now(),
  );
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: { SALT: saltHex, SECRET_BLOCK: secretBlock, SRP_B: BHex, USERNAME: userId, USER_ID_FOR_SRP: userId },
  };
}

/**
 * PASSWORD_VERIFIER answer: secret hash (over USER_ID_FOR_SRP), pending challenge, user, disabled, unconfirmed,
 * lockout, proof (native modexp), then reset-required / NEW_PASSWORD_REQUIRED / tokens.
 */
export async function srpVerify(
  ctx: EmulatorContext,
  pool: PoolState,
  client: ClientConfig,
  responses: Record<string, string>,
  operation: string,
): Promise<Record<string, unknown>> {
  const username = responses.USERNAME;
  if (!username) throw missing('USERNAME');
  for (const name of ['PASSWORD_CLAIM_SECRET_BLOCK', 'TIMESTAMP', 'PASSWORD_CLAIM_SIGNATURE']) {
    if (!responses[name]) throw missing(name);
  }
  checkSecretHash(client, username, responses.SECRET_HASH);
  const block = responses.PASSWORD_CLAIM_SECRET_BLOCK!;
  const timestamp = responses.TIMESTAMP!;
  if (!TIMESTAMP_RE.test(timestamp)) {
    throw err.invalidParameter('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
  }
  const pending = ctx.store.srp.get(block, ctx.now());
  ctx.store.srp.delete(block);
  if (!pending || pending.clientId !== client.clientId || pending.userPoolId !== pool.config.id) {
    throw err.incorrectCredentials();
  }
  if (pending.simulated) throw err.incorrectCredentials();
  const user = pool.byUsername(pending.userId);
  if (!user?.credential) {
    throw client.preventUserExistenceErrors === 'ENABLED' ? err.incorrectCredentials() : err.userNotFound();
  }
  checkUsable(user);
  await runTrigger(ctx, pool, 'PreAuthentication', operation);
  const cred = user.credential;
  checkProof(ctx, pool, user, () =>
    username === pending.userId &&
    serverVerify({
      poolName: poolNameOf(pool.config.id),
      userId: pending.userId,
      verifierHex: verifierOf(cred),
      AHex: pending.AHex,
      bHex: pending.bHex,
      BHex: pending.BHex,
      secretBlockB64: block,
      timestamp,
      signatureB64: responses.PASSWORD_CLAIM_SIGNATURE!,
    }),
  );
  return completeSignIn(ctx, pool, client, user, operation);
}

function uuidOf(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
