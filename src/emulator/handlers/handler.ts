import type { EmulatorContext } from '../context.js';
import type { OperationRequest } from '../layer.js';

/**
 * One Cognito operation: validates its input, acts on the store and returns the response body (HTTP 200), or
 * throws CognitoServiceError. One file per operation in this folder; registered in `registry.ts`.
 */
export type CognitoHandler = (ctx: EmulatorContext, req: OperationRequest) => Promise<Record<string, unknown>>;
