import { formatEta } from '../../load/population/progress-eta.js';

/** Progress output of long administrative commands (seed, cleanup): a rewritten line on a TTY, else periodic lines. */
export interface ProgressPrinter {
  update(done: number, total: number, detail: string): void;
  done(): void;
}

/**
 * A progress printer on `out`. TTY: one line rewritten at most every 100 ms. Otherwise a plain line at most every
 * `intervalMs` (default 5 s) and at 100%. Each line carries the remaining-time estimate (ETA) at the pace so far.
 */
export function progressPrinter(
  out: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
  nowMs: () => number = () => Date.now(),
  intervalMs = 5_000,
): ProgressPrinter {
  const tty = out.isTTY === true;
  let last = Number.NEGATIVE_INFINITY;
  let pending = false;
  const startMs = nowMs();
  const line = (done: number, total: number, detail: string): string => {
    const pct = total > 0 ? Math.floor((done * 100) / total) : 100;
    return `${label} ${done}/${total} (${pct}%) ${formatEta(done, total, nowMs() - startMs)} ${detail}`;
  };
  return {
    update(done, total, detail) {
      const now = nowMs();
      const final = done >= total;
      if (!final && now - last < (tty ? 100 : intervalMs)) return;
      last = now;
      if (tty) {
        out.write(`\r\x1b[2K${line(done, total, detail)}`);
        pending = true;
      } else out.write(`${line(done, total, detail)}\n`);
    },
    done() {
      if (tty && pending) out.write('\n');
      pending = false;
    },
  };
}
