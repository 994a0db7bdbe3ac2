#!/usr/bin/env bun
/** CLI entry: `turno [serve] | migrate | user add | token create | version | help`. */
import { runCli } from './cli/run';

process.env.ORT_DISABLE_TELEMETRY ??= '1';
const code = await runCli(process.argv.slice(2));
if (code !== null) process.exit(code);
