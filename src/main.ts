#!/usr/bin/env bun
/** CLI entry: `turno [serve] | migrate | user add | token create | version | help`. */
import { runCli } from './cli/run';

process.env.ORT_DISABLE_TELEMETRY ??= '1';
// No top-level await: the executable is compiled to bytecode (CommonJS) for a fast start.
void runCli(process.argv.slice(2)).then((code) => {
  if (code !== null) process.exit(code);
});
