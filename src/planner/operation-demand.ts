import { operationInfo, OPERATIONS } from '../cognito/operations.js';
import { derive, given, inp, type Figure } from './figure.js';
import { IDENTITY_OPERATION_QUOTAS, IDENTITY_SERVICE_CODE } from './identity-pool-quotas.js';
import { SECONDS_PER_DAY, userPeakRatio } from './peak-ratio.js';
import { quotaKeyId, USER_POOL_SERVICE_CODE, type QuotaService } from './quota-keys.js';
import type { Workload } from './workload.js';

/**
 * Which budget of its quota key a demand line draws on: the key itself, the UserAuthentication challenge-response
 * allowance (3× the quota, spill-over into the quota), or the authorization-code redemption allowance (1× the quota).
 */
export type DemandBudget = 'quota' | 'challengeResponses' | 'codeRedemptions';

/** What drives a line (which peak shape it follows and whether it grows with the user base). */
export type DemandDriver = 'users' | 'm2m' | 'backOffice';

/** The demand of one operation for one purpose. */
export interface DemandLine {
  /** Stable id, e.g. `signIn.srp.respond`. */
  readonly id: string;
  /** Operation name (or a described non-API request such as `IdP response (federation endpoint)`). */
  readonly operation: string;
  /** What the calls are for, e.g. `SRP sign-in: PASSWORD_VERIFIER answer`. */
  readonly purpose: string;
  readonly service: QuotaService;
  /** Quota key id the line is charged to, e.g. `cognito-idp:UserAuthentication`. */
  readonly quotaKeyId: string;
  readonly budget: DemandBudget;
  readonly driver: DemandDriver;
  /** Calls per day. */
  readonly perDay: Figure;
  /** 24-hour average, req/s: `perDay / 86400`. */
  readonly avgRatePerSec: Figure;
  /** Forecast peak, req/s: `avg × peakToAverage` of the driver. */
  readonly peakRatePerSec: Figure;
}

/** Result of the demand model: the shared basis figures and the per-operation lines. */
export interface Demand {
  /** Shared intermediate figures (DAU, sessions/day, refreshes/session, peak ratios...), by name. */
  readonly basis: Readonly<Record<string, Figure>>;
  readonly lines: readonly DemandLine[];
  /** Modelling notes and warnings raised while computing demand. */
  readonly warnings: readonly string[];
}

interface LineSpec {
  id: string;
  operation: string;
  purpose: string;
  service?: QuotaService;
  category: string;
  budget?: DemandBudget;
  driver?: DemandDriver;
  perDay: Figure;
}

/**
 * Per-operation demand of a workload (pure). Formulas, with S = sessions/day, SI = full sign-ins/day:
 * - S = DAU × sessionsPerActiveUserPerDay; SI = S × signInShare; local LS = SI × (1 − federatedShare); FS = SI × federatedShare.
 * - Password: LS × password InitiateAuth. SRP: LS × srp InitiateAuth + LS × srp challenge responses.
 *   Custom auth: LS × customAuth InitiateAuth + LS × customAuth × rounds responses. MFA: (API sign-ins) × mfaShare responses.
 *   NEW_PASSWORD_REQUIRED answers: (API sign-ins) × newPasswordRequiredShare, charged to UserAccountRecovery.
 *   Hosted UI: LS × hostedUi × (1 + mfaShare) UserAuthentication steps + LS × hostedUi code redemptions.
 * - Federation: FS IdP responses (UserFederation) + FS code redemptions.
 * - Refreshes/session = max(0, ceil(lengthMin / accessTokenLifetimeMin) − 1); refreshes/day = S × that + S × (1 − signInShare).
 * - Identity pools: credential fetches/session = ceil(lengthMin / credentialsLifetimeMin).
 * - avg = perDay / 86400 req/s; peak = avg × ratio of the line's driver.
 */
export function computeDemand(w: Workload): Demand {
  const warnings: string[] = [];
  const basis: Record<string, Figure> = {};
  const MAU = given(w.monthlyActiveUsers, 'users');
  const DAU =
    w.dailyActiveShare !== null
      ? derive(w.dailyActiveUsers, 'users/day', 'monthlyActiveUsers × dailyActiveShare', {
          monthlyActiveUsers: MAU,
          dailyActiveShare: inp(w.dailyActiveShare, 'share'),
        })
      : derive(w.dailyActiveUsers, 'users/day', 'dailyActiveUsers (given)', { dailyActiveUsers: inp(w.dailyActiveUsers, 'users/day') });
  basis.dailyActiveUsers = DAU;
  const s = w.sessions;
  const S = derive(DAU.value * s.perActiveUserPerDay, 'sessions/day', 'dailyActiveUsers × sessionsPerActiveUserPerDay', {
    dailyActiveUsers: DAU,
    sessionsPerActiveUserPerDay: inp(s.perActiveUserPerDay, 'sessions/user/day'),
  });
  basis.sessionsPerDay = S;
  const SI = derive(S.value * s.signInShare, 'sign-ins/day', 'sessionsPerDay × signInShare', {
    sessionsPerDay: S,
    signInShare: inp(s.signInShare, 'share'),
  });
  basis.signInsPerDay = SI;
  const fed = w.signIn.federatedShare;
  const LS = derive(SI.value * (1 - fed), 'sign-ins/day', 'signInsPerDay × (1 − federatedShare)', {
    signInsPerDay: SI,
    federatedShare: inp(fed, 'share'),
  });
  basis.localSignInsPerDay = LS;
  const FS = derive(SI.value * fed, 'sign-ins/day', 'signInsPerDay × federatedShare', { signInsPerDay: SI, federatedShare: inp(fed, 'share') });
  basis.federatedSignInsPerDay = FS;
  const refreshesPerSession = Math.max(0, Math.ceil(s.lengthMin / s.accessTokenLifetimeMin) - 1);
  const RPS = derive(refreshesPerSession, 'refreshes/session', 'max(0, ceil(sessionLengthMin / accessTokenLifetimeMin) − 1)', {
    sessionLengthMin: inp(s.lengthMin, 'min'),
    accessTokenLifetimeMin: inp(s.accessTokenLifetimeMin, 'min'),
  });
  basis.refreshesPerSession = RPS;
  const ratioUsers = userPeakRatio(w.peak);
  basis.peakToAverageUsers = ratioUsers;

  const specs: LineSpec[] = [];
  const mix = w.signIn.mix;
  const admin = w.signIn.api === 'admin';
  const initiate = admin ? 'AdminInitiateAuth' : 'InitiateAuth';
  const respond = admin ? 'AdminRespondToAuthChallenge' : 'RespondToAuthChallenge';
  const methodLine = (id: string, flow: string, share: number, shareName: string): void => {
    if (share <= 0) return;
    specs.push({
      id: `signIn.${id}.initiate`,
      operation: initiate,
      purpose: `${flow} sign-in`,
      category: 'UserAuthentication',
      perDay: derive(LS.value * share, 'req/day', `localSignInsPerDay × ${shareName}`, { localSignInsPerDay: LS, [shareName]: inp(share, 'share') }),
    });
  };
  methodLine('password', 'USER_PASSWORD_AUTH', mix.password, 'passwordShare');
  methodLine('srp', 'USER_SRP_AUTH', mix.srp, 'srpShare');
  methodLine('customAuth', 'CUSTOM_AUTH', mix.customAuth, 'customAuthShare');
  if (mix.srp > 0) {
    specs.push({
      id: 'signIn.srp.respond',
      operation: respond,
      purpose: 'USER_SRP_AUTH: PASSWORD_VERIFIER answer',
      category: 'UserAuthentication',
      budget: 'challengeResponses',
      perDay: derive(LS.value * mix.srp, 'req/day', 'localSignInsPerDay × srpShare', { localSignInsPerDay: LS, srpShare: inp(mix.srp, 'share') }),
    });
  }
  if (mix.customAuth > 0 && w.signIn.customAuthRounds > 0) {
    specs.push({
      id: 'signIn.customAuth.respond',
      operation: respond,
      purpose: 'CUSTOM_AUTH: challenge answers',
      category: 'UserAuthentication',
      budget: 'challengeResponses',
      perDay: derive(LS.value * mix.customAuth * w.signIn.customAuthRounds, 'req/day', 'localSignInsPerDay × customAuthShare × customAuthRounds', {
        localSignInsPerDay: LS,
        customAuthShare: inp(mix.customAuth, 'share'),
        customAuthRounds: inp(w.signIn.customAuthRounds, 'responses/sign-in'),
      }),
    });
  }
  const apiShare = mix.password + mix.srp + mix.customAuth;
  if (apiShare > 0 && w.signIn.mfaShare > 0) {
    specs.push({
      id: 'signIn.mfa.respond',
      operation: respond,
      purpose: 'MFA code answer (SMS_MFA / SOFTWARE_TOKEN_MFA / EMAIL_OTP)',
      category: 'UserAuthentication',
      budget: 'challengeResponses',
      perDay: derive(LS.value * apiShare * w.signIn.mfaShare, 'req/day', 'localSignInsPerDay × apiSignInShare × mfaShare', {
        localSignInsPerDay: LS,
        apiSignInShare: inp(apiShare, 'share (password + srp + customAuth)'),
        mfaShare: inp(w.signIn.mfaShare, 'share'),
      }),
    });
  }
  if (apiShare > 0 && w.signIn.newPasswordRequiredShare > 0) {
    specs.push({
      id: 'signIn.newPasswordRequired.respond',
      operation: respond,
      purpose: 'NEW_PASSWORD_REQUIRED answer (charged to UserAccountRecovery)',
      category: 'UserAccountRecovery',
      perDay: derive(LS.value * apiShare * w.signIn.newPasswordRequiredShare, 'req/day', 'localSignInsPerDay × apiSignInShare × newPasswordRequiredShare', {
        localSignInsPerDay: LS,
        apiSignInShare: inp(apiShare, 'share (password + srp + customAuth)'),
        newPasswordRequiredShare: inp(w.signIn.newPasswordRequiredShare, 'share'),
      }),
    });
  }
  if (mix.hostedUi > 0) {
    specs.push({
      id: 'signIn.hostedUi.steps',
      operation: 'Managed login sign-in step',
      purpose: 'hosted UI / managed login: one request per step (password, MFA code)',
      category: 'UserAuthentication',
      perDay: derive(LS.value * mix.hostedUi * (1 + w.signIn.mfaShare), 'req/day', 'localSignInsPerDay × hostedUiShare × (1 + mfaShare)', {
        localSignInsPerDay: LS,
        hostedUiShare: inp(mix.hostedUi, 'share'),
        mfaShare: inp(w.signIn.mfaShare, 'share'),
      }),
    });
    specs.push({
      id: 'signIn.hostedUi.redeem',
      operation: 'Token endpoint authorization_code grant',
      purpose: 'hosted UI: authorization-code redemption',
      category: 'UserAuthentication',
      budget: 'codeRedemptions',
      perDay: derive(LS.value * mix.hostedUi, 'req/day', 'localSignInsPerDay × hostedUiShare', { localSignInsPerDay: LS, hostedUiShare: inp(mix.hostedUi, 'share') }),
    });
  }
  if (FS.value > 0) {
    specs.push({
      id: 'federation.idpResponse',
      operation: 'IdP response (federation endpoint)',
      purpose: 'federated sign-in: the external IdP answers the federation endpoint',
      category: 'UserFederation',
      perDay: derive(FS.value, 'req/day', 'federatedSignInsPerDay', { federatedSignInsPerDay: FS }),
    });
    specs.push({
      id: 'federation.redeem',
      operation: 'Token endpoint authorization_code grant',
      purpose: 'federated sign-in: authorization-code redemption',
      category: 'UserAuthentication',
      budget: 'codeRedemptions',
      perDay: derive(FS.value, 'req/day', 'federatedSignInsPerDay', { federatedSignInsPerDay: FS }),
    });
  }
  const refreshOp =
    w.signIn.refreshApi === 'InitiateAuth'
      ? `${initiate} (REFRESH_TOKEN_AUTH)`
      : w.signIn.refreshApi === 'GetTokensFromRefreshToken'
        ? 'GetTokensFromRefreshToken'
        : 'Token endpoint refresh_token grant';
  const refreshes = S.value * RPS.value + S.value * (1 - s.signInShare);
  if (refreshes > 0) {
    specs.push({
      id: 'session.refresh',
      operation: refreshOp,
      purpose: 'token refresh: in-session expiries plus resumed sessions',
      category: 'UserAuthentication',
      perDay: derive(refreshes, 'req/day', 'sessionsPerDay × refreshesPerSession + sessionsPerDay × (1 − signInShare)', {
        sessionsPerDay: S,
        refreshesPerSession: RPS,
        signInShare: inp(s.signInShare, 'share'),
      }),
    });
  }
  const perSession = (id: string, operation: string, purpose: string, category: string, rate: number, rateName: string): void => {
    if (rate <= 0) return;
    specs.push({
      id,
      operation,
      purpose,
      category,
      perDay: derive(S.value * rate, 'req/day', `sessionsPerDay × ${rateName}`, { sessionsPerDay: S, [rateName]: inp(rate, 'calls/session') }),
    });
  };
  perSession('session.profileRead', 'GetUser', 'profile reads', 'UserRead', s.profileReadsPerSession, 'profileReadsPerSession');
  perSession('session.attributeUpdate', 'UpdateUserAttributes', 'attribute updates', 'UserUpdate', s.attributeUpdatesPerSession, 'attributeUpdatesPerSession');
  perSession(
    'session.signOut',
    s.signOutApi,
    'sign-outs',
    s.signOutApi === 'RevokeToken' ? 'UserToken' : 'UserUpdate',
    s.signOutsPerSession,
    'signOutsPerSession',
  );

  const u = w.signUps;
  if (u.perDay > 0) {
    const U = given(u.perDay, 'sign-ups/day');
    basis.signUpsPerDay = U;
    const adminSignUp = u.api === 'admin';
    specs.push({ id: 'signUp.create', operation: adminSignUp ? 'AdminCreateUser' : 'SignUp', purpose: 'sign-ups', category: 'UserCreation', perDay: derive(U.value, 'req/day', 'signUpsPerDay', { signUpsPerDay: U }) });
    if (u.confirmationsPerSignUp > 0) {
      specs.push({
        id: 'signUp.confirm',
        operation: adminSignUp ? 'AdminConfirmSignUp' : 'ConfirmSignUp',
        purpose: 'sign-up confirmations',
        category: 'UserCreation',
        perDay: derive(U.value * u.confirmationsPerSignUp, 'req/day', 'signUpsPerDay × confirmationsPerSignUp', { signUpsPerDay: U, confirmationsPerSignUp: inp(u.confirmationsPerSignUp, 'calls/sign-up') }),
      });
    }
    if (u.resendsPerSignUp > 0) {
      specs.push({
        id: 'signUp.resend',
        operation: 'ResendConfirmationCode',
        purpose: 'confirmation code resends',
        category: 'UserResourceRead',
        perDay: derive(U.value * u.resendsPerSignUp, 'req/day', 'signUpsPerDay × resendsPerSignUp', { signUpsPerDay: U, resendsPerSignUp: inp(u.resendsPerSignUp, 'calls/sign-up') }),
      });
    }
  }
  if (w.passwordResets.perDay > 0) {
    const P = given(w.passwordResets.perDay, 'resets/day');
    specs.push({ id: 'passwordReset.forgot', operation: 'ForgotPassword', purpose: 'password resets: code request', category: 'UserAccountRecovery', perDay: derive(P.value, 'req/day', 'passwordResetsPerDay', { passwordResetsPerDay: P }) });
    specs.push({ id: 'passwordReset.confirm', operation: 'ConfirmForgotPassword', purpose: 'password resets: new password', category: 'UserAccountRecovery', perDay: derive(P.value, 'req/day', 'passwordResetsPerDay', { passwordResetsPerDay: P }) });
  }

  let ratioM2m: Figure | null = null;
  if (w.m2m && w.m2m.clients > 0 && w.m2m.tokenRequestsPerClientPerHour > 0) {
    ratioM2m = derive(w.m2m.peakToAverage, 'ratio', 'm2m.peakToAverage (given; 1 = flat)', { peakToAverage: inp(w.m2m.peakToAverage, 'ratio') });
    basis.peakToAverageM2m = ratioM2m;
    specs.push({
      id: 'm2m.clientCredentials',
      operation: 'Token endpoint client_credentials grant',
      purpose: 'machine-to-machine access tokens',
      category: 'ClientAuthentication',
      driver: 'm2m',
      perDay: derive(w.m2m.clients * w.m2m.tokenRequestsPerClientPerHour * 24, 'req/day', 'm2mClients × tokenRequestsPerClientPerHour × 24', {
        m2mClients: inp(w.m2m.clients, 'clients'),
        tokenRequestsPerClientPerHour: inp(w.m2m.tokenRequestsPerClientPerHour, 'req/client/h'),
      }),
    });
  }

  const ip = w.identityPool;
  if (ip && ip.sessionShare > 0) {
    const fetches = Math.ceil(s.lengthMin / ip.credentialsLifetimeMin);
    const F = derive(fetches, 'fetches/session', 'ceil(sessionLengthMin / credentialsLifetimeMin)', {
      sessionLengthMin: inp(s.lengthMin, 'min'),
      credentialsLifetimeMin: inp(ip.credentialsLifetimeMin, 'min'),
    });
    basis.credentialFetchesPerSession = F;
    const SIP = derive(S.value * ip.sessionShare, 'sessions/day', 'sessionsPerDay × identityPoolSessionShare', { sessionsPerDay: S, identityPoolSessionShare: inp(ip.sessionShare, 'share') });
    basis.identityPoolSessionsPerDay = SIP;
    const fetchLine = (op: string, purpose: string): void => {
      specs.push({
        id: `identityPool.${op}`,
        operation: op,
        purpose,
        service: IDENTITY_SERVICE_CODE,
        category: op,
        perDay: derive(SIP.value * F.value, 'req/day', 'identityPoolSessionsPerDay × credentialFetchesPerSession', { identityPoolSessionsPerDay: SIP, credentialFetchesPerSession: F }),
      });
    };
    if (ip.flow !== 'developer' && ip.getIdPerDay > 0) {
      specs.push({
        id: 'identityPool.GetId',
        operation: 'GetId',
        purpose: 'new identities (the identity id is cached afterwards)',
        service: IDENTITY_SERVICE_CODE,
        category: 'GetId',
        perDay: derive(ip.getIdPerDay, 'req/day', 'getIdPerDay', { getIdPerDay: inp(ip.getIdPerDay, 'req/day') }),
      });
    }
    if (ip.flow === 'enhanced') fetchLine('GetCredentialsForIdentity', 'AWS credentials (enhanced flow), each time they expire');
    if (ip.flow === 'basic') fetchLine('GetOpenIdToken', 'OpenID token for STS (basic flow), each time credentials expire');
    if (ip.flow === 'developer') {
      fetchLine('GetOpenIdTokenForDeveloperIdentity', 'backend issues a developer-identity token, each time credentials expire');
      fetchLine('GetCredentialsForIdentity', 'AWS credentials for the developer identity, each time they expire');
    }
  }

  let ratioBackOffice: Figure | null = null;
  for (const [rawOp, perDay] of Object.entries(w.backOffice.perDay)) {
    if (perDay <= 0) continue;
    const resolved = resolveBackOfficeOperation(rawOp);
    if (!resolved) {
      warnings.push(`back-office operation ${rawOp} is not in the catalogue: not charged to any quota`);
      continue;
    }
    if (resolved.category === 'Uncategorized') {
      warnings.push(`back-office operation ${rawOp}: AWS documents no quota category for it; not charged (check the quotas page)`);
      continue;
    }
    ratioBackOffice ??=
      w.backOffice.peakToAverage !== null
        ? derive(w.backOffice.peakToAverage, 'ratio', 'backOffice.peakToAverage (given)', { peakToAverage: inp(w.backOffice.peakToAverage, 'ratio') })
        : derive(ratioUsers.value, 'ratio', 'peakToAverageUsers (follows the user peak)', { peakToAverageUsers: ratioUsers });
    basis.peakToAverageBackOffice = ratioBackOffice;
    specs.push({
      id: `backOffice.${rawOp}`,
      operation: resolved.operation,
      purpose: 'back-office calls',
      service: resolved.service,
      category: resolved.category,
      budget: resolved.challengeResponse ? 'challengeResponses' : 'quota',
      driver: 'backOffice',
      perDay: derive(perDay, 'req/day', `backOffice.${rawOp}.perDay`, { [`${rawOp}PerDay`]: inp(perDay, 'req/day') }),
    });
  }

  const ratioOf = (d: DemandDriver): Figure => (d === 'users' ? ratioUsers : d === 'm2m' ? ratioM2m! : ratioBackOffice!);
  const lines = specs.map((sp): DemandLine => {
    const driver = sp.driver ?? 'users';
    const service = sp.service ?? USER_POOL_SERVICE_CODE;
    const avg = derive(sp.perDay.value / SECONDS_PER_DAY, 'req/s', 'perDay / 86400', { perDay: sp.perDay });
    const ratio = ratioOf(driver);
    const ratioName = driver === 'users' ? 'peakToAverageUsers' : driver === 'm2m' ? 'peakToAverageM2m' : 'peakToAverageBackOffice';
    return {
      id: sp.id,
      operation: sp.operation,
      purpose: sp.purpose,
      service,
      quotaKeyId: quotaKeyId(service, sp.category),
      budget: sp.budget ?? 'quota',
      driver,
      perDay: sp.perDay,
      avgRatePerSec: avg,
      peakRatePerSec: derive(avg.value * ratio.value, 'req/s', `avgRatePerSec × ${ratioName}`, { avgRatePerSec: avg, [ratioName]: ratio }),
    };
  });
  return { basis, lines, warnings };
}

/** Resolves a back-office operation name: `cognito-identity:<Op>`, a user-pool operation, or an identity-pool-only operation. */
export function resolveBackOfficeOperation(
  raw: string,
): { service: QuotaService; operation: string; category: string; challengeResponse: boolean } | null {
  if (raw.startsWith(`${IDENTITY_SERVICE_CODE}:`)) {
    const op = raw.slice(IDENTITY_SERVICE_CODE.length + 1);
    return IDENTITY_OPERATION_QUOTAS[op] ? { service: IDENTITY_SERVICE_CODE, operation: op, category: op, challengeResponse: false } : null;
  }
  const name = raw.startsWith(`${USER_POOL_SERVICE_CODE}:`) ? raw.slice(USER_POOL_SERVICE_CODE.length + 1) : raw;
  if (OPERATIONS.has(name)) {
    const info = operationInfo(name);
    return { service: USER_POOL_SERVICE_CODE, operation: name, category: info.category, challengeResponse: info.challengeResponse };
  }
  if (!raw.includes(':') && IDENTITY_OPERATION_QUOTAS[name]) {
    return { service: IDENTITY_SERVICE_CODE, operation: name, category: name, challengeResponse: false };
  }
  return null;
}
