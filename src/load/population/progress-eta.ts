/**
 * Remaining-time estimate of a paced administrative loop (seeding, cleanup): the average pace so far applied to
 * the work left. Pure.
 */

/**
 * `ETA 1m05s` from `done` of `total` items after `elapsedMs`; `ETA ?` before the first item, `done` at 100%.
 * Rounded up to whole seconds.
 */
export function formatEta(done: number, total: number, elapsedMs: number): string {
  if (done >= total) return 'done';
  if (done <= 0 || !(elapsedMs > 0)) return 'ETA ?';
  const remainingSec = Math.ceil(((total - done) * elapsedMs) / done / 1000);
  const h = Math.floor(remainingSec / 3600);
  const m = Math.floor((remainingSec % 3600) / 60);
  const s = remainingSec % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `ETA ${h > 0 ? `${h}h${pad(m)}m${pad(s)}s` : m > 0 ? `${m}m${pad(s)}s` : `${s}s`}`;
}
