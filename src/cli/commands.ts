/** The command registry. A feature adds its command file here. */
import { aiCommand } from './commands/ai';
import { channelCommand } from './commands/channel';
import { migrateCommand } from './commands/migrate';
import { modelsCommand } from './commands/models';
import { pluginCommand } from './commands/plugin';
import { reportsCommand } from './commands/reports';
import { seedCommand } from './commands/seed';
import { serveCommand } from './commands/serve';
import { simulateCommand } from './commands/simulate';
import { simulateRoutingCommand } from './commands/simulate-routing';
import { tokenCommand } from './commands/token';
import { userCommand } from './commands/user';
import { versionCommand } from './commands/version';

export interface Command {
  summary: string;
  usage: string;
  /** Resolves to the exit code, or null for long-running commands (serve). */
  run(args: string[]): Promise<number | null>;
}

export const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  user: userCommand,
  token: tokenCommand,
  channel: channelCommand,
  plugin: pluginCommand,
  version: versionCommand,
  simulate: simulateCommand,
  'simulate-routing': simulateRoutingCommand,
  seed: seedCommand,
  reports: reportsCommand,
  models: modelsCommand,
  ai: aiCommand,
};

/** The help text listing every command. */
export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${c.usage.padEnd(64)} ${c.summary}`);
  return `Turno — self-hosted WhatsApp inbox\n\nUsage: turno <command> [options]\n\nCommands:\n${lines.join('\n')}\n  ${'help'.padEnd(64)} Show this help\n\nSettings come from environment variables (PORT, TURNO_DATA_DIR, …); see docs/operations.md.`;
}
