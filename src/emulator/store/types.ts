/**
 * Records the emulator keeps in memory. Plain data (JSON-serialisable except the Sets/Maps noted), so that
 * `--state` snapshots are a straightforward mapping.
 */

/** A pool's password policy (CreateUserPool `Policies.PasswordPolicy`), defaults as Cognito's. */
export interface PasswordPolicy {
  /** Default 8. */
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  /** Default 7. */
  TemporaryPasswordValidityDays: number;
}

/** User status as Cognito reports it. */
export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

/** A user pool's configuration. */
export interface PoolConfig {
  id: string;
  name: string;
  arn: string;
  createdAtMs: number;
  modifiedAtMs: number;
  passwordPolicy: PasswordPolicy;
  /** `email` and/or `phone_number`: users sign in with these instead of a username (internal username = sub). */
  usernameAttributes: string[];
  /** `email`, `phone_number`, `preferred_username`: verified values also sign in. */
  aliasAttributes: string[];
  autoVerifiedAttributes: string[];
  /** Usernames (and aliases) match case-sensitively. API default true when `UsernameConfiguration` is absent. */
  caseSensitive: boolean;
  /** `LambdaConfig` as given: trigger name → Lambda ARN. */
  lambdaConfig: Record<string, unknown>;
  tags: Record<string, string>;
  deletionProtection: 'ACTIVE' | 'INACTIVE';
  allowAdminCreateUserOnly: boolean;
  /** Custom attribute names without the `custom:` prefix. */
  customAttributes: string[];
  /** Everything else given at creation, echoed by DescribeUserPool. */
  extra: Record<string, unknown>;
}

/** An app client. */
export interface ClientConfig {
  clientId: string;
  userPoolId: string;
  clientName: string;
  clientSecret: string | null;
  explicitAuthFlows: string[];
  /** Token lifetimes in seconds. */
  accessTokenValiditySec: number;
  idTokenValiditySec: number;
  refreshTokenValiditySec: number;
  /** Echo of `TokenValidityUnits` and the raw validity numbers as given. */
  tokenValidityEcho: Record<string, unknown>;
  preventUserExistenceErrors: 'LEGACY' | 'ENABLED';
  enableTokenRevocation: boolean;
  /** Refresh-token rotation: a refresh returns a new refresh token; the old one lives `gracePeriodSec` more. */
  refreshTokenRotation: { enabled: boolean; gracePeriodSec: number };
  readAttributes: string[] | null;
  writeAttributes: string[] | null;
  createdAtMs: number;
  modifiedAtMs: number;
  extra: Record<string, unknown>;
}

/** A pending confirmation or reset code. */
export interface PendingCode {
  code: string;
  issuedAtMs: number;
  expiresAtMs: number;
}

/**
 * Stored password material (never the password): `xHex` = SHA-256(PAD(salt) || SHA-256(poolName | username | ":" |
 * password)), the SRP private value of srp.md. Password sign-in recomputes it (two SHA-256s) and compares in constant
 * time; the SRP verifier g^x mod N is computed from it on first SRP use (one native modexp) and cached.
 */
export interface PasswordCredential {
  saltHex: string;
  xHex: string;
  verifierHex?: string;
}

/** A user. */
export interface UserRecord {
  /** Internal username (a UUID when the pool uses `UsernameAttributes`). */
  username: string;
  sub: string;
  /** Attributes in insertion order, including `sub`. */
  attributes: Record<string, string>;
  status: UserStatus;
  enabled: boolean;
  createdAtMs: number;
  modifiedAtMs: number;
  /** Creation order, for ListUsers pagination. */
  seq: number;
  credential: PasswordCredential | null;
  /** When a temporary password stops working (FORCE_CHANGE_PASSWORD), ms. */
  tempPasswordExpiresAtMs: number | null;
  groups: string[];
  codes: { signUp?: PendingCode; forgotPassword?: PendingCode; attributes?: Record<string, PendingCode> };
}

/** A group. */
export interface GroupRecord {
  groupName: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
  createdAtMs: number;
  modifiedAtMs: number;
}

/**
 * One sign-in's token family: its refresh token and the `origin_jti` every access and ID token from it carries.
 * Revoking it (RevokeToken, GlobalSignOut, user deletion) invalidates all of them.
 */
export interface AuthSession {
  originJti: string;
  userPoolId: string;
  username: string;
  clientId: string;
  refreshToken: string;
  refreshExpiresAtMs: number;
  authTimeSec: number;
}
