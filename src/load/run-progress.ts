import type { QuotaCategory } from '../cognito/categories.js';
import { formatDurationMs } from '../config/duration.js';

/** Latency in ms with up to 3 significant digits (`0.85`, `12.3`, `250`, `1,250`). */
export function fmtMs(us: number): string {
  const ms = us / 1000;
  if (ms === 0) return '0';
  if (ms >= 100) return Math.round(ms).toLocaleString('en-US');
  return String(Number(ms.toPrecision(3)));
}

/** What the live progress shows at one moment. */
export interface ProgressSnapshot {
  readonly phase: string;
  readonly elapsedMs: number;
  readonly durationMs: number;
  /** Flow starts per second over the last interval, and the planned rate now. */
  readonly startedPerSec: number;
  readonly targetPerSec: number;
  readonly inFlight: number;
  readonly dropped: number;
  /** Per category over the last complete interval: calls/s, throttles/s, p99 (µs). */
  readonly categories: readonly { readonly category: QuotaCategory; readonly ratePerSec: number; readonly throttlesPerSec: number; readonly p99Us: number }[];
}

const SHORT: Partial<Record<QuotaCategory, string>> = {
  UserAuthentication: 'Auth',
  UserCreation: 'Create',
  UserAccountRecovery: 'Recovery',
  UserRead: 'Read',
  UserUpdate: 'Update',
  UserToken: 'Token',
  UserList: 'List',
  UserResourceRead: 'ResRead',
  UserResourceUpdate: 'ResUpdate',
};

const r = (x: number): string => (x >= 100 ? String(Math.round(x)) : String(Number(x.toFixed(1))));

/** One progress line (pure): `[#####-----] 45% ramp 2  9s/20s  starts 48/50/s  Auth 36/s p99 120ms thr 0/s | ...`. */
export function formatProgressLine(s: ProgressSnapshot, options: { bar?: boolean; categoryNames?: 'short' | 'full' } = {}): string {
  const share = s.durationMs > 0 ? Math.min(1, s.elapsedMs / s.durationMs) : 1;
  const bar = options.bar ? `[${'#'.repeat(Math.round(share * 20)).padEnd(20, '-')}] ` : '';
  const cats = s.categories
    .map((c) => {
      const name = options.categoryNames === 'full' ? c.category : (SHORT[c.category] ?? c.category);
      return `${name} ${r(c.ratePerSec)}/s p99 ${fmtMs(c.p99Us)}ms${c.throttlesPerSec > 0 ? ` thr ${r(c.throttlesPerSec)}/s` : ''}`;
    })
    .join(' | ');
  return (
    `${bar}${Math.round(share * 100)}% ${s.phase}  ${formatDurationMs(s.elapsedMs)}/${formatDurationMs(s.durationMs)}  ` +
    `starts ${r(s.startedPerSec)}/${r(s.targetPerSec)}/s  in-flight ${s.inFlight}${s.dropped > 0 ? `  dropped ${s.dropped}` : ''}` +
    `${cats ? `  ${cats}` : ''}`
  );
}

/** Where progress goes: a rewritten line on a TTY, a plain line every `plainEveryMs` otherwise, nothing when quiet. */
export interface ProgressSink {
  update(snapshot: ProgressSnapshot): void;
  /** Ends the progress display (clears the TTY line). */
  done(): void;
}

/** Creates the progress display for `stream`. */
export function createProgressSink(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  options: { mode: 'tty' | 'plain' | 'off'; plainEveryMs?: number },
): ProgressSink {
  if (options.mode === 'off') return { update() {}, done() {} };
  if (options.mode === 'tty') {
    let shown = false;
    return {
      update(s) {
        const width = Math.max(40, (stream.columns ?? 120) - 1);
        const line = formatProgressLine(s, { bar: true }).slice(0, width);
        stream.write(`\r${line}\x1b[K`);
        shown = true;
      },
      done() {
        if (shown) stream.write('\r\x1b[K');
      },
    };
  }
  const every = options.plainEveryMs ?? 5000;
  let lastMs = -Infinity;
  return {
    update(s) {
      if (s.elapsedMs - lastMs < every) return;
      lastMs = s.elapsedMs;
      stream.write(`${formatProgressLine(s, { categoryNames: 'full' })}\n`);
    },
    done() {},
  };
}
