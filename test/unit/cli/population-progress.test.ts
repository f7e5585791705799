import { describe, expect, it } from 'vitest';
import { progressPrinter } from '../../../src/cli/commands/population-progress.js';

describe('progressPrinter (seed, cleanup)', () => {
  it('plain output: a line every interval and at 100%, each with the ETA at the pace so far', () => {
    const lines: string[] = [];
    const out = { write: (s: string) => lines.push(s), isTTY: false } as unknown as NodeJS.WritableStream & { isTTY?: boolean };
    let now = 1_000;
    const p = progressPrinter(out, 'seeding', () => now, 5_000);
    now = 2_000; // 1 s in: first update always prints; 10 of 100 in 1 s → 90 left at 10/s = 9 s
    p.update(10, 100, 'created 10');
    now = 3_000; // within the interval: silent
    p.update(20, 100, 'created 20');
    now = 7_000; // 6 s in: 60 of 100 → 40 left at 10/s = 4 s
    p.update(60, 100, 'created 60');
    now = 11_000;
    p.update(100, 100, 'created 100');
    p.done();
    expect(lines).toEqual([
      'seeding 10/100 (10%) ETA 9s created 10\n',
      'seeding 60/100 (60%) ETA 4s created 60\n',
      'seeding 100/100 (100%) done created 100\n',
    ]);
  });
});
