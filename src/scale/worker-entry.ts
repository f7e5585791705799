/**
 * Entry point of a `--workers` child process: the CLI itself (`cogcap run ... --shard i/N`). Lives next to the
 * coordinator so that it runs from dist/ (compiled) and from the sources (through tsx) alike.
 */
import { runCli } from '../cli/main.js';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
