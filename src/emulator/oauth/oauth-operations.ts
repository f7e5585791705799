/**
 * Pseudo-operation names under which the OAuth 2.0 / hosted-UI endpoints run through the emulator's layer pipeline
 * (usage metrics, quota, latency), so that each call is charged to its category (reference section 7).
 * They are `AWSCognitoIdentityProviderService` operations for the pipeline; the quota module's `chargeOf`
 * (src/emulator/quota/charge.ts, `OAUTH_CHARGES`) maps them:
 *
 * | pseudo-operation                    | endpoint                                   | category |
 * |-------------------------------------|--------------------------------------------|----------|
 * | `OAuth2Token.client_credentials`    | POST /oauth2/token (client_credentials)   | ClientAuthentication |
 * | `OAuth2Token.refresh_token`         | POST /oauth2/token (refresh_token)        | UserAuthentication |
 * | `OAuth2Token.authorization_code`    | POST /oauth2/token (authorization_code)   | own allocation equal to UserAuthentication, then UserAuthentication |
 * | `OAuth2Token`                       | POST /oauth2/token, other/missing grant   | Uncategorized |
 * | `OAuth2Login`                       | POST /login (one sign-in step)            | UserAuthentication |
 * | `OAuth2Authorize`                   | GET /oauth2/authorize                     | Uncategorized (not documented) |
 * | `OAuth2IdpResponse`                 | GET/POST /oauth2/idpresponse              | UserFederation |
 * | `OAuth2Revoke`                      | POST /oauth2/revoke                       | UserToken |
 * | `OAuth2UserInfo`                    | GET/POST /oauth2/userInfo                 | Uncategorized (not documented) |
 */
export const OAUTH_OPERATIONS = {
  tokenClientCredentials: 'OAuth2Token.client_credentials',
  tokenRefresh: 'OAuth2Token.refresh_token',
  tokenAuthorizationCode: 'OAuth2Token.authorization_code',
  tokenOther: 'OAuth2Token',
  login: 'OAuth2Login',
  authorize: 'OAuth2Authorize',
  idpResponse: 'OAuth2IdpResponse',
  revoke: 'OAuth2Revoke',
  userInfo: 'OAuth2UserInfo',
} as const;

/** One pseudo-operation name. */
export type OAuthOperation = (typeof OAUTH_OPERATIONS)[keyof typeof OAUTH_OPERATIONS];

/** The pseudo-operation of a token-endpoint request with this `grant_type`. */
export function tokenOperation(grantType: string | undefined): OAuthOperation {
  switch (grantType) {
    case 'client_credentials':
      return OAUTH_OPERATIONS.tokenClientCredentials;
    case 'refresh_token':
      return OAUTH_OPERATIONS.tokenRefresh;
    case 'authorization_code':
      return OAUTH_OPERATIONS.tokenAuthorizationCode;
    default:
      return OAUTH_OPERATIONS.tokenOther;
  }
}
