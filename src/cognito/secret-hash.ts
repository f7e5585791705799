import { createHmac } from 'node:crypto';

/**
 * SECRET_HASH for app clients with a secret: Base64(HMAC-SHA256(key = client secret, message = username + clientId)).
 * Source: ../shared/reference/cognito.md section 5. In the SRP answer (RespondToAuthChallenge) `username` is
 * USER_ID_FOR_SRP, not the alias typed at InitiateAuth.
 */
export function secretHash(username: string, clientId: string, clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(`${username}${clientId}`, 'utf8').digest('base64');
}
