import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/report/html.js';
import { buildResult } from '../../fixtures/metrics/build-result.js';
import { launchDayResult } from '../../fixtures/metrics/launch-day.js';

/**
 * Opens the HTML report of a launch-day-like result in headless Chromium (Debian's `chromium` package) and checks
 * that every chart renders, without console errors and without any network request.
 */
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`skipping the HTML rendering test: ${CHROMIUM} is not installed (apt-get install chromium)`);

let dir: string;
let context: BrowserContext | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cogcap-html-'));
});
afterAll(async () => {
  await context?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('HTML report in headless Chromium', () => {
  it.skipIf(!HAVE_CHROMIUM)(`renders every chart without console errors or network requests (skipped when ${CHROMIUM} is absent)`, async () => {
    const file = join(dir, 'report.html');
    await writeFile(file, renderHtml(launchDayResult()));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-charts]', { timeout: 20_000 });

    const charts = await page.evaluate(() => {
      // (runs in the page; the test tsconfig has no DOM lib, hence the structural types)
      type Canvas = { id: string; width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null };
      const w = globalThis as unknown as { cogcapCharts: { canvas: Canvas; data: { datasets: { label: string; data: unknown[] }[] } }[] };
      return w.cogcapCharts.map((c) => {
        const ctx = c.canvas.getContext('2d')!;
        const { width, height } = c.canvas;
        const pixels = ctx.getImageData(0, 0, width, height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted += 1;
        return { id: c.canvas.id, width, height, painted, datasets: c.data.datasets.map((d) => ({ label: d.label, points: d.data.length })) };
      });
    });
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(charts.map((c) => c.id)).toEqual(['rate-UserAuthentication', 'rate-UserCreation', 'rate-UserRead', 'throttles', 'latency', 'distribution', 'arrivals']);
    for (const c of charts) {
      expect(c.width).toBeGreaterThan(100);
      expect(c.height).toBeGreaterThan(100);
      expect(c.painted, `${c.id} is blank`).toBeGreaterThan(1000);
    }
    // the quota line is drawn on the sign-in chart, whose rate crosses it
    const auth = charts[0]!;
    expect(auth.datasets).toEqual([
      { label: 'calls/s', points: 30 },
      { label: 'throttled/s', points: 30 },
      { label: 'quota 120/s', points: 2 },
    ]);
    expect(await page.locator('#verdict').innerText()).toMatch(/^FAIL/);
    expect(await page.locator('#thresholds tbody tr').count()).toBe(7);
    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await stat(shot)).size).toBeGreaterThan(50_000);

    // a run that made no calls still renders (empty charts), without errors
    const empty = join(dir, 'empty.html');
    await writeFile(empty, renderHtml(buildResult([])));
    await page.goto(pathToFileURL(empty).href);
    await page.waitForSelector('body[data-charts]', { timeout: 20_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { document: { body: { dataset: { charts: string } } } }).document.body.dataset.charts)).toBe('4');
    expect(errors).toEqual([]);
  }, 90_000);
});
