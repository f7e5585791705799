#!/usr/bin/env node
// The published entry point: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
// The AWS SDK warns on every client that future releases will need Node 22; cogcap supports Node 20, so the
// warning is noise in a measuring tool's output. Set before the SDK loads; child processes inherit it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { runCli } = await import('../dist/cli/main.js');
process.exitCode = await runCli(process.argv.slice(2));
