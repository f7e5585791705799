import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A peer tool installed for comparison, or why it is not available. */
export type Peer =
  | { readonly ok: true; readonly name: string; readonly version: string; readonly dir: string; readonly packageDir: string }
  | { readonly ok: false; readonly name: string; readonly version: string; readonly reason: string };

/** True when `version` (e.g. `v20.19.1`) satisfies a simple `>=X.Y.Z` / `>= X` engines range (other forms: true). */
export function satisfiesMinimum(version: string, range: string | undefined): boolean {
  const m = /^\s*>=?\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range ?? '');
  if (!m) return true;
  const want = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  const have = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== want[i]) return (have[i] ?? 0) > want[i]!;
  }
  return true;
}

/**
 * Installs `name@version` with `npm install --ignore-scripts --prefix <tmp>/cogcap-bench-peers/<name>@<version>`
 * (no install scripts: Artillery's would download a browser; never into the
 * project), reusing an earlier install of the same pinned version. Checks the package's `engines.node` against this
 * Node. Never throws: a failure is returned with its reason. Install timeout `timeoutMs` (default 10 minutes).
 */
export async function installPeer(name: string, version: string, timeoutMs = 600_000): Promise<Peer> {
  const dir = join(tmpdir(), 'cogcap-bench-peers', `${name}@${version}`);
  const packageDir = join(dir, 'node_modules', name);
  const manifest = join(packageDir, 'package.json');
  try {
    if (!existsSync(manifest)) {
      mkdirSync(dir, { recursive: true });
      process.stdout.write(`installing ${name}@${version} into ${dir} (npm install --prefix; not a project dependency)… `);
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        execFile(
          process.platform === 'win32' ? 'npm.cmd' : 'npm',
          ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-save', '--ignore-scripts', '--loglevel=error', `${name}@${version}`],
          { timeout: timeoutMs, maxBuffer: 16 << 20 },
          (err, _out, stderr) => (err ? reject(new Error(`${err.message.split('\n')[0]} ${stderr.trim().split('\n').slice(-3).join(' ')}`)) : resolve()),
        );
      });
      console.log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string; engines?: { node?: string } };
    if (pkg.version !== version) return { ok: false, name, version, reason: `installed version ${pkg.version} is not the pinned ${version}` };
    if (!satisfiesMinimum(process.version, pkg.engines?.node)) {
      return { ok: false, name, version, reason: `${name}@${version} requires Node ${pkg.engines?.node}; this is ${process.version}` };
    }
    return { ok: true, name, version, dir, packageDir };
  } catch (e) {
    return { ok: false, name, version, reason: `install failed: ${(e as Error).message}` };
  }
}
