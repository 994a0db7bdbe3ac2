/**
 * Dispatches CLI commands. Commands print results on stdout, errors as one line on stderr, and
 * return an exit code: 0 ok, 1 failure, 2 usage error. `serve` keeps running (returns null).
 */
import { ZodError } from 'zod';
import { CliError } from './args';
import { COMMANDS, usage } from './commands';

/** Runs the CLI with `argv` (without the executable); resolves to an exit code, or null to keep running. */
export async function runCli(argv: string[]): Promise<number | null> {
  const [name = 'serve', ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`turno: unknown command "${name}". Run "turno help" for the list.`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const message = error instanceof ZodError
      ? `${error.issues[0]?.path.join('.') || 'input'}: ${error.issues[0]?.message}`
      : error instanceof Error ? error.message : String(error);
    console.error(`turno ${name}: ${message}`);
    if (error instanceof CliError) return error.exitCode;
    if (error instanceof TypeError && /option|argument/i.test(message)) return 2;
    return 1;
  }
}
