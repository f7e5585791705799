import { timingSafeEqual } from 'node:crypto';
import { CognitoServiceError } from '../../cognito/service-error.js';
import { passwordMatches } from '../auth/password-credential.js';
import { checkProof, checkUsable, signInUser } from '../auth/password-sign-in.js';
import { runTrigger } from '../context.js';
import type { HttpRequest, HttpResponse } from '../http-route.js';
import { EmulatorStore } from '../store/emulator-store.js';
import { newOpaqueToken } from '../store/ids.js';
import { checkAuthorizeQuery } from './authorize-params.js';
import { charge } from './charge.js';
import { cookieValue, formBody } from './form-body.js';
import { redirectWithCode } from './issue-code.js';
import { loginPageHtml } from './login-page.js';
import { oauthSettingsOf } from './oauth-client-settings.js';
import type { OAuthDeps } from './oauth-deps.js';
import { OAUTH_OPERATIONS } from './oauth-operations.js';
import type { OAuthPath } from './oauth-paths.js';

/** Name of the CSRF cookie set by `GET /login` and checked against the `_csrf` form field (as Cognito's hosted UI). */
export const CSRF_COOKIE = 'XSRF-TOKEN';

const HTML = { 'content-type': 'text/html;charset=UTF-8', 'cache-control': 'no-store' };

/**
 * `GET /login` renders the sign-in form (and sets the CSRF cookie); `POST /login` (form `_csrf`, `username`,
 * `password`) is one hosted-UI sign-in step, charged to UserAuthentication: a correct password redirects to the
 * client's `redirect_uri` with a code; a wrong one re-renders the form with Cognito's message (HTTP 200).
 * Users in FORCE_CHANGE_PASSWORD or RESET_REQUIRED and MFA are not supported by this minimal UI (error shown).
 */
export async function loginEndpoint(deps: OAuthDeps, req: HttpRequest, path: OAuthPath): Promise<HttpResponse> {
  const check = checkAuthorizeQuery(deps, req.query, path.userPoolId);
  if (!check.ok) return check.response;
  const action = `${path.prefix}/login?${req.query.toString()}`;
  if (!oauthSettingsOf(check.client).supportedIdentityProviders.includes('COGNITO')) {
    return { status: 400, headers: HTML, body: 'Login option is not available (COGNITO is not among the client\'s SupportedIdentityProviders).' };
  }
  if (req.method === 'GET') {
    const csrf = newOpaqueToken(deps.ctx.random, 24);
    return {
      status: 200,
      headers: { ...HTML, 'set-cookie': `${CSRF_COOKIE}=${csrf}; Path=/; HttpOnly; SameSite=Lax` },
      body: loginPageHtml(action, csrf),
    };
  }
  if (req.method !== 'POST') return { status: 405, headers: HTML, body: 'Method not allowed' };
  const form = formBody(req);
  const cookie = cookieValue(req, CSRF_COOKIE);
  const given = form['_csrf'] ?? '';
  if (!cookie || cookie.length !== given.length || !timingSafeEqual(Buffer.from(cookie), Buffer.from(given))) {
    return { status: 403, headers: HTML, body: 'CSRF token missing or invalid.' };
  }
  const { client, pool, params } = check;
  const typed = form['username'] ?? '';
  const userKey = EmulatorStore.userKey(pool.config.id, pool.bySignInName(typed)?.username ?? typed);
  const rerender = (message: string): HttpResponse => ({ status: 200, headers: HTML, body: loginPageHtml(action, given, message) });
  return charge(
    deps.pipeline,
    OAUTH_OPERATIONS.login,
    req,
    { userPoolId: pool.config.id, userKey, body: { ClientId: client.clientId } },
    async () => {
      const { ctx } = deps;
      try {
        const user = await signInUser(ctx, pool, client, typed, OAUTH_OPERATIONS.login);
        checkUsable(user);
        await runTrigger(ctx, pool, 'PreAuthentication', OAUTH_OPERATIONS.login);
        checkProof(ctx, pool, user, () => passwordMatches(user.credential!, pool.config.id, user.username, form['password'] ?? ''));
        if (user.status === 'FORCE_CHANGE_PASSWORD' || user.status === 'RESET_REQUIRED') {
          return rerender('This user must change or reset the password first (not supported by the emulator hosted UI).');
        }
        await runTrigger(ctx, pool, 'PostAuthentication', OAUTH_OPERATIONS.login);
        return redirectWithCode(deps, params, user.username);
      } catch (e) {
        if (e instanceof CognitoServiceError && e.status < 500 && e.type !== 'TooManyRequestsException') {
          // Cognito's hosted UI never reveals whether the user exists.
          return rerender(e.type === 'UserNotFoundException' ? 'Incorrect username or password.' : e.message);
        }
        throw e;
      }
    },
    { throttleStatus: deps.throttleStatus },
  );
}
