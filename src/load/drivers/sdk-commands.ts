import * as idp from '@aws-sdk/client-cognito-identity-provider';

/** An AWS SDK v3 command class of the Cognito user-pools client (constructed with the operation's input). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkCommandClass = new (input: any) => Parameters<idp.CognitoIdentityProviderClient['send']>[0];

/**
 * Operation name → SDK command class, built from the client package's `<Operation>Command` exports so that every
 * operation the installed SDK knows can be sent by name (e.g. `InitiateAuth` → `InitiateAuthCommand`).
 */
export const SDK_COMMANDS: ReadonlyMap<string, SdkCommandClass> = new Map(
  Object.entries(idp)
    .filter(([key, value]) => /^[A-Z]\w*Command$/.test(key) && typeof value === 'function')
    .map(([key, value]) => [key.slice(0, -'Command'.length), value as unknown as SdkCommandClass]),
);
