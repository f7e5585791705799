import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const TICKS_PER_SEC = 100;

/**
 * CPU time (user + system) used so far by process `pid`, µs, from /proc/<pid>/stat (Linux; 10 ms resolution).
 * NaN when the process is gone or /proc is unavailable.
 */
export function procCpuUs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "(comm) ": state=0 … utime=11, stime=12.
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SEC;
  } catch {
    return Number.NaN;
  }
}

/** Resident set size of process `pid`, bytes, from /proc/<pid>/status (VmRSS); NaN when unavailable. */
export function procRssBytes(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
