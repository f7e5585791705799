/** A manual clock with timers for executor tests: time moves only when the test advances it. */
export class ManualClock {
  nowUs = 0;
  private seq = 0;
  private timers: { atUs: number; seq: number; fn: () => void }[] = [];

  readonly timerApi = {
    setTimeout: (fn: () => void, ms: number): unknown => {
      // Like Node: a delay below 1 ms becomes 1 ms.
      const t = { atUs: this.nowUs + Math.max(1, ms) * 1000, seq: this.seq++, fn };
      this.timers.push(t);
      return t;
    },
    clearTimeout: (handle: unknown): void => {
      this.timers = this.timers.filter((t) => t !== handle);
    },
  };

  readonly clock = (): number => this.nowUs;

  /** Runs every timer due up to `untilUs` in time order, letting promises settle after each. */
  async advanceTo(untilUs: number): Promise<void> {
    for (;;) {
      await settle();
      this.timers.sort((a, b) => a.atUs - b.atUs || a.seq - b.seq);
      const t = this.timers[0];
      if (!t || t.atUs > untilUs) break;
      this.timers.shift();
      this.nowUs = Math.max(this.nowUs, t.atUs);
      t.fn();
    }
    this.nowUs = Math.max(this.nowUs, untilUs);
    await settle();
  }

  /** Moves time forward without running timers (a stalled event loop). */
  stall(us: number): void {
    this.nowUs += us;
  }

  /** A promise resolved by a timer after `ms`. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.timerApi.setTimeout(resolve, ms));
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
}
