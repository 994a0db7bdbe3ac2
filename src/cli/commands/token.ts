/** `turno token create --email E [--name N] [--scopes read,write,admin]`: prints a new API token once. */
import { createApiToken } from '../../core/auth';
import { API_SCOPES } from '../../db/schema/enums';
import type { ApiScope } from '../../db/schema/users';
import { findUserByEmail } from '../../core/users';
import { CliError, parseFlags } from '../args';
import type { Command } from '../commands';
import { withApp } from '../context';

export const tokenCommand: Command = {
  summary: 'Create an API token for a user (shown once)',
  usage: 'token create --email E [--name N] [--scopes read,write,admin]',
  async run(args) {
    const { positionals, values } = parseFlags(args, { email: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' } });
    if (positionals[0] !== 'create') throw new CliError('usage: turno token create --email E [--name N] [--scopes read,write,admin]', 2);
    if (!values.email) throw new CliError('--email is required', 2);
    const scopes = (values.scopes ?? API_SCOPES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
    if (unknown.length || scopes.length === 0) throw new CliError(`--scopes takes a comma-separated list of ${API_SCOPES.join(', ')}`, 2);
    return withApp((app) => {
      const user = findUserByEmail(app.core, values.email!);
      if (!user) throw new CliError(`no user with email ${values.email}`);
      const { token } = createApiToken(app.core, user.id, values.name ?? 'CLI token', { type: 'system', name: 'cli' }, scopes as ApiScope[]);
      console.log(token);
      return 0;
    });
  },
};
