import { CognitoServiceError } from '../../cognito/service-error.js';

/** Errors of the Cognito Identity API, with the messages the real service uses where they are known. */
export const identityErrors = {
  missing: (field: string): CognitoServiceError =>
    new CognitoServiceError(
      'InvalidParameterException',
      `1 validation error detected: Value null at '${field.charAt(0).toLowerCase()}${field.slice(1)}' failed to satisfy constraint: Member must not be null`,
    ),
  invalid: (message: string): CognitoServiceError => new CognitoServiceError('InvalidParameterException', message),
  poolNotFound: (id: string): CognitoServiceError => new CognitoServiceError('ResourceNotFoundException', `IdentityPool '${id}' not found.`),
  identityNotFound: (id: string): CognitoServiceError => new CognitoServiceError('ResourceNotFoundException', `Identity '${id}' not found.`),
  notAuthorized: (message: string): CognitoServiceError => new CognitoServiceError('NotAuthorizedException', message),
  conflict: (message: string): CognitoServiceError => new CognitoServiceError('ResourceConflictException', message),
  badRoles: (): CognitoServiceError =>
    new CognitoServiceError('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.'),
};

/** The string field `name` of `body`, or InvalidParameterException when it is absent or empty. */
export function requireString(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string' || v === '') throw identityErrors.missing(name);
  return v;
}

/** The optional string map `name` of `body` (e.g. `Logins`), or InvalidParameterException when it is not one. */
export function optionalStringMap(body: Record<string, unknown>, name: string): Record<string, string> | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string')) {
    throw identityErrors.invalid(`${name} must be a map of strings`);
  }
  return v as Record<string, string>;
}

/** An integer field within [min, max], or InvalidParameterException. */
export function requireInt(body: Record<string, unknown>, name: string, min: number, max: number): number {
  const v = body[name];
  if (v === undefined || v === null) throw identityErrors.missing(name);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw identityErrors.invalid(`1 validation error detected: Value '${String(v)}' at '${name}' failed to satisfy constraint: Member must have value between ${min} and ${max}`);
  }
  return v;
}
