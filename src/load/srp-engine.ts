import { clientSignature, clientStart, type ClientSignatureParams } from '../cognito/srp.js';

/**
 * Client-side SRP maths for USER_SRP_AUTH sign-ins: step 1 (a, A) and step 3 (PASSWORD_CLAIM_SIGNATURE).
 * Implementations run it in the calling thread or in worker threads (see srp-workers.ts).
 */
export interface SrpEngine {
  /** Where the maths runs. */
  readonly mode: 'in-thread' | 'workers';
  /** a (random 256-bit) and A = g^a mod N, lowercase hex. */
  start(): Promise<{ aHex: string; AHex: string }>;
  /** PASSWORD_CLAIM_SIGNATURE (base64) for the server's challenge. */
  signature(params: ClientSignatureParams): Promise<string>;
  close(): Promise<void>;
}

/** SRP maths on the calling thread (about 3 native 3072-bit modPows per sign-in; blocks the event loop ~1-4 ms). */
export const IN_THREAD_SRP: SrpEngine = {
  mode: 'in-thread',
  start: async () => clientStart(),
  signature: async (params) => clientSignature(params),
  close: async () => {},
};
