/** `turno token create --email E [--name N]`: prints a new API token once. */
import { createApiToken } from '../../core/auth';
import { findUserByEmail } from '../../core/users';
import { CliError, parseFlags } from '../args';
import type { Command } from '../commands';
import { withApp } from '../context';

export const tokenCommand: Command = {
  summary: 'Create an API token for a user (shown once)',
  usage: 'token create --email E [--name N]',
  async run(args) {
    const { positionals, values } = parseFlags(args, { email: { type: 'string' }, name: { type: 'string' } });
    if (positionals[0] !== 'create') throw new CliError('usage: turno token create --email E [--name N]', 2);
    if (!values.email) throw new CliError('--email is required', 2);
    return withApp((app) => {
      const user = findUserByEmail(app.core, values.email!);
      if (!user) throw new CliError(`no user with email ${values.email}`);
      const { token } = createApiToken(app.core, user.id, values.name ?? 'CLI token', { type: 'system', name: 'cli' });
      console.log(token);
      return 0;
    });
  },
};
