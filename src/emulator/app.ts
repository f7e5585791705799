import { CognitoServiceError } from '../cognito/service-error.js';
import { codesRoute } from './codes-route.js';
import { issuerOf, type CodeMode, type EmulatorContext } from './context.js';
import { CORS_HEADERS, preflightHeaders } from './cors.js';
import { AMZ_JSON, errorResponse } from './error-mapper.js';
import { HANDLERS, USER_POOL_SERVICE } from './handlers/registry.js';
import type { HttpRequest, HttpResponse, HttpRoute } from './http-route.js';
import { compose, type Layer, type OperationHandler, type OperationRequest, type TriggerInvoker } from './layer.js';
import type { LockoutTracker } from './lockout-tracker.js';
import { resolveTarget } from './resolve-request.js';
import { seedRoute } from './seed-route.js';
import { EmulatorStore } from './store/emulator-store.js';
import { newUuid, type RandomBytes } from './store/ids.js';
import { pooledRandomBytes } from './store/pooled-random.js';
import { jwksRoute } from './tokens/jwks-routes.js';
import { verifyUserPoolToken } from './tokens/verify-user-pool-token.js';

/** Options of {@link createEmulatorApp}; every one is optional. */
export interface EmulatorAppOptions {
  /** Region of new pool ids and token issuers. Default `us-east-1`. */
  readonly region?: string;
  /** Clock, ms since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** Random bytes. Default CSPRNG output drawn from a pooled buffer (see pooled-random.ts). */
  readonly random?: RandomBytes;
  /** Confirmation/reset codes: random 6 digits (default) or a fixed code. */
  readonly codeMode?: CodeMode;
  /** Pipeline layers, outermost first (usage metrics, quota, latency: see layer.ts). Default none. */
  readonly layers?: readonly Layer[];
  /** Extra HTTP routes tried after the built-in ones (JWKS, discovery, `/_cogcap/codes`, `/_cogcap/users`). */
  readonly routes?: readonly HttpRoute[];
  /** Extra JSON 1.1 operations, keyed `<ServicePrefix>.<Operation>` (they see the same layers). */
  readonly extraHandlers?: Readonly<Record<string, OperationHandler>>;
  /** Simulated Lambda triggers; called only for triggers a pool configures. */
  readonly triggers?: TriggerInvoker;
  /** Failed sign-in lockout tracker, called on the password and SRP sign-in paths. */
  readonly lockout?: LockoutTracker;
  /** Start from an existing store (e.g. loaded from a snapshot). Default a new empty one. */
  readonly store?: EmulatorStore;
  /** Called with any unexpected error (answered as InternalErrorException 500). */
  readonly onInternalError?: (err: unknown, req: OperationRequest) => void;
}

/** The emulator as a pure request → response function (no sockets). */
export interface EmulatorApp {
  /** Answers one buffered HTTP request. Never throws. */
  handle(req: HttpRequest): Promise<HttpResponse>;
  /** Calls one operation in-process through the pipeline (layers included), as the JSON dispatcher does. */
  call(operation: string, body: Record<string, unknown>, service?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  readonly store: EmulatorStore;
  readonly context: EmulatorContext;
  /** Every `<Service>.<Operation>` target served. */
  readonly targets: readonly string[];
  /**
   * Verifies an ID token of one of this emulator's pools (signature, token_use, expiry, not revoked); resolves to
   * its claims or undefined. The shape identity pools need (`UserPoolTokenVerifier`).
   */
  verifyUserPoolToken(userPoolId: string, token: string, nowMs: number): Promise<Record<string, unknown> | undefined>;
}

const JSON_TYPES = ['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json'];

function jsonResponse(status: number, body: unknown, headers: Record<string, string>): HttpResponse {
  return { status, headers: { ...CORS_HEADERS, 'content-type': AMZ_JSON, ...headers }, body: JSON.stringify(body) };
}

/** Creates the emulator app. See {@link EmulatorAppOptions}. */
export function createEmulatorApp(options: EmulatorAppOptions = {}): EmulatorApp {
  const store = options.store ?? new EmulatorStore();
  const context: EmulatorContext = {
    store,
    region: options.region ?? 'us-east-1',
    now: options.now ?? Date.now,
    random: options.random ?? pooledRandomBytes(),
    codeMode: options.codeMode ?? { kind: 'random' },
    triggers: options.triggers,
    lockout: options.lockout,
  };
  const extra = options.extraHandlers ?? {};
  const dispatch: OperationHandler = async (req) => {
    const key = `${req.service}.${req.operation}`;
    const own = req.service === USER_POOL_SERVICE && Object.hasOwn(HANDLERS, req.operation) ? HANDLERS[req.operation] : undefined;
    if (own) return { status: 200, body: await own(context, req) };
    const h = Object.hasOwn(extra, key) ? extra[key] : undefined;
    if (h) return h(req);
    throw unknownOperation(req.service, req.operation);
  };
  const pipeline = compose(options.layers ?? [], dispatch);
  const routes: HttpRoute[] = [
    jwksRoute(store, (poolId) => issuerOf(context, poolId)),
    codesRoute(store),
    seedRoute(context),
    ...(options.routes ?? []),
  ];
  const targets = [...Object.keys(HANDLERS).map((op) => `${USER_POOL_SERVICE}.${op}`), ...Object.keys(extra)];
  const known = new Set(targets);

  async function run(service: string, operation: string, body: Record<string, unknown>, receivedAtMs: number, requestId: string): Promise<HttpResponse> {
    const target = resolveTarget(store, service === USER_POOL_SERVICE ? body : {}, receivedAtMs);
    const opReq: OperationRequest = { operation, service, body, requestId, receivedAtMs, ...target };
    try {
      const res = await pipeline(opReq);
      return jsonResponse(res.status, res.body ?? {}, { 'x-amzn-requestid': requestId, ...res.headers });
    } catch (e) {
      if (!(e instanceof CognitoServiceError)) options.onInternalError?.(e, opReq);
      const r = errorResponse(e, requestId);
      return { ...r, headers: { ...CORS_HEADERS, ...r.headers } };
    }
  }

  async function handleJson(req: HttpRequest): Promise<HttpResponse> {
    const requestId = newUuid(context.random);
    const fail = (e: CognitoServiceError): HttpResponse => {
      const r = errorResponse(e, requestId);
      return { ...r, headers: { ...CORS_HEADERS, ...r.headers } };
    };
    const target = req.headers['x-amz-target'] ?? '';
    const dot = target.lastIndexOf('.');
    const service = dot > 0 ? target.slice(0, dot) : '';
    const operation = dot > 0 ? target.slice(dot + 1) : '';
    if (!known.has(target)) return fail(unknownOperation(service, operation));
    const ct = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!JSON_TYPES.includes(ct)) {
      return fail(new CognitoServiceError('UnknownOperationException', `Unsupported content type: ${ct || '(none)'}`));
    }
    let body: unknown;
    try {
      body = req.body.length === 0 ? {} : JSON.parse(req.body.toString('utf8'));
    } catch {
      return fail(new CognitoServiceError('SerializationException', 'Malformed request body: not valid JSON'));
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return fail(new CognitoServiceError('SerializationException', 'Request body must be a JSON object'));
    }
    return run(service, operation, body as Record<string, unknown>, req.receivedAtMs, requestId);
  }

  return {
    store,
    context,
    targets,
    async handle(req) {
      try {
        if (req.method === 'OPTIONS') {
          return { status: 200, headers: preflightHeaders(req.headers['access-control-request-headers']), body: '' };
        }
        if (req.method === 'POST' && req.path === '/') return await handleJson(req);
        for (const route of routes) {
          const res = await route(req);
          if (res) return { ...res, headers: { ...CORS_HEADERS, ...res.headers } };
        }
        return jsonResponse(404, { __type: 'UnknownOperationException', message: `No route for ${req.method} ${req.path}` }, {
          'x-amzn-errortype': 'UnknownOperationException:',
        });
      } catch (e) {
        return errorResponse(e, 'internal');
      }
    },
    async call(operation, body, service = USER_POOL_SERVICE) {
      const res = await run(service, operation, body, context.now(), newUuid(context.random));
      return { status: res.status, body: JSON.parse(res.body as string) as Record<string, unknown> };
    },
    verifyUserPoolToken: (userPoolId, token, nowMs) => verifyUserPoolToken(store, userPoolId, token, nowMs),
  };
}

function unknownOperation(service: string, operation: string): CognitoServiceError {
  return new CognitoServiceError(
    'UnknownOperationException',
    operation ? `Unknown operation ${service}.${operation}` : 'Missing or malformed X-Amz-Target header',
  );
}
