import { parentPort } from 'node:worker_threads';
import { clientSignature, clientStart, type ClientSignatureParams } from '../cognito/srp.js';

/** A task sent to an SRP worker. */
export type SrpTask = { id: number; op: 'start' } | { id: number; op: 'sign'; params: ClientSignatureParams };
/** A worker's answer. */
export type SrpAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** Worker-thread entry: computes SRP client maths off the generator's timing thread (see srp-workers.ts). */
parentPort?.on('message', (task: SrpTask) => {
  try {
    const value = task.op === 'start' ? clientStart() : clientSignature(task.params);
    parentPort!.postMessage({ id: task.id, ok: true, value } satisfies SrpAnswer);
  } catch (err) {
    parentPort!.postMessage({ id: task.id, ok: false, error: (err as Error).message } satisfies SrpAnswer);
  }
});
