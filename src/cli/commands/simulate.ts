/**
 * `turno simulate`: runs the WhatsApp Cloud API simulator on loopback, optionally plays customers
 * who write every inbound type to a Turno webhook, and prints what to configure. Stops on Ctrl-C or
 * after --duration seconds.
 */
import { startGraphSimulator, INBOUND_KINDS, type InboundKind } from '../../simulator/graph-simulator';
import { CUSTOMERS } from '../../simulator/customers';
import { CliError, parseFlags } from '../args';
import type { Command } from '../commands';

/** Parses `--fail 131047:0.1,5xx:0.05` into simulator failure rules. */
export function parseFailureSpec(spec: string | undefined) {
  if (!spec) return [];
  return spec.split(',').map((part) => {
    const [what, fraction = '1'] = part.split(':');
    const f = Number(fraction);
    if (!(f > 0 && f <= 1)) throw new CliError(`--fail: "${part}" needs a fraction between 0 and 1, e.g. 131047:0.1`, 2);
    if (what === '5xx') return { mode: 'http' as const, httpStatus: 503, fraction: f };
    if (what === 'timeout') return { mode: 'timeout' as const, fraction: f, hangMs: 30_000 };
    if (what === 'reset') return { mode: 'reset' as const, fraction: f };
    if (!/^\d+$/.test(what ?? '')) throw new CliError(`--fail: unknown failure "${what}" (use an error code, 5xx, timeout or reset)`, 2);
    return { code: Number(what), fraction: f };
  });
}

export const simulateCommand: Command = {
  summary: 'Run the WhatsApp Cloud API simulator (and simulated customers)',
  usage: 'simulate --webhook-url URL --app-secret S [--port N] [--customers N] [--every S] [--duration S] [--fail 131047:0.1]',
  async run(args) {
    const { values } = parseFlags(args, {
      port: { type: 'string' }, 'webhook-url': { type: 'string' }, 'app-secret': { type: 'string' },
      'phone-number-id': { type: 'string' }, 'waba-id': { type: 'string' }, 'access-token': { type: 'string' },
      customers: { type: 'string' }, every: { type: 'string' }, duration: { type: 'string' }, fail: { type: 'string' },
    });
    const webhookUrl = values['webhook-url'];
    const appSecret = values['app-secret'];
    if (!webhookUrl || !appSecret) throw new CliError('--webhook-url and --app-secret are required (the app secret of the Turno channel)', 2);
    const customers = Math.min(Number(values.customers ?? '0'), CUSTOMERS.length);
    const everyMs = Number(values.every ?? '5') * 1000;
    const durationMs = values.duration ? Number(values.duration) * 1000 : null;
    if (!Number.isFinite(customers) || customers < 0 || !(everyMs > 0)) throw new CliError('--customers and --every take positive numbers', 2);
    const sim = await startGraphSimulator({
      port: Number(values.port ?? '0'), webhookUrl, appSecret,
      phoneNumberId: values['phone-number-id'] ?? '106540352242922', wabaId: values['waba-id'] ?? '102290129340398',
      accessToken: values['access-token'] ?? 'simulator-access-token', failures: parseFailureSpec(values.fail),
    });
    console.log(`Graph API simulator on ${sim.url}`);
    console.log(`Configure the channel with: --graph-url ${sim.url} --phone-number-id ${sim.business.phoneNumberId} --waba-id ${sim.business.wabaId} --access-token ${values['access-token'] ?? 'simulator-access-token'}`);
    // Reactions, edits and deletions need a message of this run to point at; not sent at random.
    const kinds = INBOUND_KINDS.filter((k) => !['reaction', 'edit', 'revoke', 'user_changed_number'].includes(k)) as InboundKind[];
    let count = 0;
    const timer = customers > 0 ? setInterval(() => {
      const customer = CUSTOMERS[count % customers]!;
      const kind = count % 3 === 0 ? kinds[count % kinds.length]! : 'text';
      count++;
      sim.sendInbound(kind, customer.waId).then(
        (wamid) => console.log(`${customer.name} (${customer.waId}) sent ${kind} ${wamid}`),
        (error) => console.error(`could not deliver to ${webhookUrl}: ${(error as Error).message}`),
      );
    }, everyMs) : null;
    const stop = async () => {
      if (timer) clearInterval(timer);
      await sim.stop();
      console.log(`simulator stopped: ${sim.sent.length} messages received from Turno, ${count} customer messages sent`);
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
    if (durationMs !== null) setTimeout(() => void stop(), durationMs);
    return null;
  },
};
