/**
 * `turno channel add whatsapp --name N --phone-number-id ID --waba-id ID --access-token T
 * --app-secret S --verify-token V [--graph-url URL] [--graph-version v23.0]` prints the new
 * channel's id; `turno channel list` prints id, name, status and phone number id (never secrets).
 * The three secrets can instead come from TURNO_ACCESS_TOKEN, TURNO_APP_SECRET, TURNO_VERIFY_TOKEN.
 */
import { createWhatsAppChannel, listChannels, whatsappConfig } from '../../core/channels';
import { CliError, parseFlags } from '../args';
import type { Command } from '../commands';
import { withApp } from '../context';
import { table } from '../table';

const USAGE = 'channel add whatsapp --name N --phone-number-id ID --waba-id ID --access-token T --app-secret S --verify-token V [--graph-url URL] [--graph-version v23.0] | channel list';
const REQUIRED = ['name', 'phone-number-id', 'waba-id', 'access-token', 'app-secret', 'verify-token'] as const;
/** Secrets may come from the environment instead of flags (flags show up in `ps` and shell history). */
const SECRET_ENV = { 'access-token': 'TURNO_ACCESS_TOKEN', 'app-secret': 'TURNO_APP_SECRET', 'verify-token': 'TURNO_VERIFY_TOKEN' } as const;

export const channelCommand: Command = {
  summary: 'Add a WhatsApp channel or list channels',
  usage: 'channel add whatsapp --name N … | channel list',
  async run(args) {
    const s = { type: 'string' } as const;
    const { positionals, values } = parseFlags(args, {
      name: s, 'phone-number-id': s, 'waba-id': s, 'access-token': s, 'app-secret': s, 'verify-token': s, 'graph-url': s, 'graph-version': s,
    });
    const [action, type] = positionals;
    if (action === 'list') {
      return withApp((app) => {
        const rows = listChannels(app.core).map((c) => [c.id, c.name, c.status, whatsappConfig(c).phoneNumberId ?? '']);
        console.log(table([['ID', 'NAME', 'STATUS', 'PHONE NUMBER ID'], ...rows]));
        return 0;
      });
    }
    if (action !== 'add' || type !== 'whatsapp') throw new CliError(`usage: turno ${USAGE}`, 2);
    for (const [flag, env] of Object.entries(SECRET_ENV) as Array<[keyof typeof SECRET_ENV, string]>) values[flag] ??= process.env[env] || undefined;
    const missing = REQUIRED.filter((flag) => !values[flag]);
    if (missing.length) throw new CliError(`missing ${missing.map((f) => `--${f}`).join(', ')} (usage: turno ${USAGE})`, 2);
    return withApp((app) => {
      const channel = createWhatsAppChannel(app.core, {
        name: values.name as string, phoneNumberId: values['phone-number-id'] as string, wabaId: values['waba-id'] as string,
        accessToken: values['access-token'] as string, appSecret: values['app-secret'] as string, verifyToken: values['verify-token'] as string,
        graphUrl: values['graph-url'], graphVersion: values['graph-version'],
      }, { type: 'system', name: 'cli' });
      console.log(channel.id);
      return 0;
    });
  },
};
