import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The charting library inlined into HTML reports: Chart.js's minified UMD bundle, read from the installed
 * `chart.js` package (no CDN: reports work offline). Read once per process.
 */

let cached: string | undefined;

/** Path of the bundle: `chart.umd.min.js` beside the package's CommonJS entry. */
export function chartLibraryPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

/** Source of the Chart.js UMD bundle (defines `window.Chart`), safe to put inside a `<script>` element. */
export function loadChartLibrary(): string {
  if (cached === undefined) {
    // A literal "</script" inside the bundle would end the element early; escaping the slash keeps the JS equivalent.
    cached = readFileSync(chartLibraryPath(), 'utf8').replace(/<\/(script)/gi, '<\\/$1');
  }
  return cached;
}
