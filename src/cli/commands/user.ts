/** `turno user add --email E --name N --role R` (password from TURNO_PASSWORD or stdin). */
import { createUser } from '../../core/users';
import { CliError, parseFlags, readStdin } from '../args';
import type { Command } from '../commands';
import { withApp } from '../context';

export const userCommand: Command = {
  summary: 'Create a user (password from TURNO_PASSWORD or stdin)',
  usage: 'user add --email E --name N [--role admin|supervisor|agent]',
  async run(args) {
    const { positionals, values } = parseFlags(args, { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } });
    if (positionals[0] !== 'add') throw new CliError('usage: turno user add --email E --name N [--role R]', 2);
    if (!values.email || !values.name) throw new CliError('--email and --name are required', 2);
    const password = process.env.TURNO_PASSWORD || (await readStdin());
    if (!password) throw new CliError('give the password in TURNO_PASSWORD or on standard input', 2);
    return withApp(async (app) => {
      const user = await createUser(app.core, { email: values.email!, name: values.name!, password, role: (values.role ?? 'agent') as never }, { type: 'system', name: 'cli' });
      console.log(user.id);
      return 0;
    });
  },
};
