import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createAbortableSleeper } from '../../../src/load/abortable-sleeper.js';

describe('createAbortableSleeper', () => {
  it('keeps one abort listener however many sleeps are pending, and forgets sleeps whose timer fired', async () => {
    const controller = new AbortController();
    const sleeper = createAbortableSleeper(controller.signal);
    const sleeps = Array.from({ length: 50 }, () => sleeper.sleep(5));
    expect(sleeper.pending).toBe(50);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    await Promise.all(sleeps);
    expect(sleeper.pending).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
  });

  it('wakes every pending sleep on abort, and returns at once after it', async () => {
    const controller = new AbortController();
    const sleeper = createAbortableSleeper(controller.signal);
    const sleeps = Array.from({ length: 20 }, () => sleeper.sleep(60_000));
    controller.abort();
    await Promise.all(sleeps);
    expect(sleeper.pending).toBe(0);
    await sleeper.sleep(60_000);
    expect(sleeper.pending).toBe(0);
  });
});
