import os from 'node:os';

/** The three load averages (1, 5, 15 minutes) formatted `a b c`. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** One line describing the machine: CPU model, logical cores, memory, OS, Node version. */
export function machineLine(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${cpus[0]?.model?.trim() ?? 'unknown CPU'} × ${cpus.length} logical cores, ${gib} GiB, ${os.platform()} ${os.release()} ${os.arch()}, Node ${process.version}`;
}

/**
 * Prints a benchmark header: title, machine, load average at start, and a warning when the load average exceeds
 * the core count (other processes share the CPUs: absolute figures are then lower bounds, ratios measured side by
 * side in the same invocation are the figures to quote).
 */
export function printHeader(title: string, details: readonly string[] = []): void {
  const cores = os.cpus().length;
  const load1 = os.loadavg()[0] ?? 0;
  console.log(`# ${title}`);
  console.log(`machine: ${machineLine()}`);
  console.log(`load average at start: ${loadAverage()} (1/5/15 min)`);
  if (load1 > cores * 0.5) {
    console.log(
      `note: shared machine — load ${load1.toFixed(1)} on ${cores} cores: absolute figures are lower bounds; ` +
        'compare the ratios measured side by side in this invocation.',
    );
  }
  for (const d of details) console.log(d);
  console.log('');
}

/** Prints the load average at the end of a benchmark. */
export function printFooter(): void {
  console.log(`\nload average at end: ${loadAverage()}`);
}
