#!/usr/bin/env node
// The published entry point: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { runCli } from '../dist/cli/main.js';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
