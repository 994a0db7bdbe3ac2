/**
 * `turno seed --conversations N --messages N --agents N`: fills the data dir with synthetic but
 * plausible data for load tests and demos at scale (bench/pages seeds 100 k conversations and
 * 1 M messages with it). Bulk inserts through prepared statements in transactions of 5,000 rows;
 * the FTS triggers index the messages as they go. Agents share one password (TURNO_PASSWORD or
 * "seed-password-123"), are members of a "Seed" team that sees the seeded channel, and are
 * assignees of about half the conversations. Reply times are log-uniform (customers 20 s–30 min,
 * agents 1 min–2 h) and 60 % of conversations are resolved 5 min–48 h after their last message,
 * with the `status` timeline entry reports read. Prints rows per second.
 */
import type { Database } from 'bun:sqlite';
import { newId } from '../../lib/ids';
import { CliError, parseFlags } from '../args';
import type { Command } from '../commands';
import { withApp } from '../context';
import { seededRandom } from '../../lib/prng';

const CHUNK = 5_000;
const WORDS = ['hola', 'pedido', 'envío', 'precio', 'factura', 'devolución', 'talle', 'stock', 'Córdoba', 'Rosario', 'transferencia', 'tarjeta', 'cuotas', 'garantía', 'turno', 'horario', 'sucursal', 'descuento', 'cambio', 'color', 'obrigado', 'entrega', 'boleto', 'gracias', 'urgente', 'mañana', 'problema', 'reclamo', 'seguimiento', 'código'];


/** A duration between `min` and `max` ms, log-uniform (many quick, a long tail of slow ones). */
function logUniform(random: () => number, min: number, max: number): number {
  return Math.round(min * (max / min) ** random());
}

function sentence(random: () => number, i: number): string {
  const n = 4 + Math.floor(random() * 10);
  const words: string[] = [];
  for (let k = 0; k < n; k++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  return `${words.join(' ')} #${i}`;
}

/** Runs `fn(i)` for i in [0, total) in transactions of CHUNK rows. */
function inChunks(sqlite: Database, total: number, fn: (i: number) => void): void {
  for (let start = 0; start < total; start += CHUNK) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(total, start + CHUNK); i++) fn(i);
    }).immediate();
  }
}

export interface SeedCounts {
  conversations: number;
  messages: number;
  agents: number;
}

/** Inserts the rows; returns how many rows were written in total (all tables). */
export async function seedDatabase(sqlite: Database, counts: SeedCounts, now = Date.now()): Promise<number> {
  const random = seededRandom(42);
  const run = `${now.toString(36)}`;
  let rows = 0;
  let channel = sqlite.query<{ id: string }, []>("SELECT id FROM channels WHERE type = 'whatsapp' ORDER BY created_at LIMIT 1").get();
  if (!channel) {
    channel = { id: newId() };
    sqlite.query(`INSERT INTO channels (id, type, name, status, external_id, config, secrets, created_at, updated_at)
      VALUES (?, 'whatsapp', 'Seed', 'disabled', ?, '{}', '', ?, ?)`).run(channel.id, `9${run}`.replace(/\D/g, '').padEnd(12, '0'), now, now);
    rows++;
  }
  const teamId = newId();
  sqlite.query("INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)").run(teamId, `Seed ${run}`, now);
  sqlite.query('INSERT OR IGNORE INTO channel_teams (channel_id, team_id) VALUES (?, ?)').run(channel.id, teamId);
  const hash = await Bun.password.hash(process.env.TURNO_PASSWORD || 'seed-password-123');
  const agentIds: string[] = [];
  const insertUser = sqlite.prepare(`INSERT INTO users (id, email, name, password_hash, role, capacity, created_at, updated_at) VALUES (?, ?, ?, ?, 'agent', 50, ?, ?)`);
  const insertMember = sqlite.prepare('INSERT INTO team_members (team_id, user_id, created_at) VALUES (?, ?, ?)');
  inChunks(sqlite, counts.agents, (i) => {
    const id = newId();
    agentIds.push(id);
    insertUser.run(id, `agent${i + 1}.${run}@seed.test`, `Agente ${i + 1}`, hash, now, now);
    insertMember.run(teamId, id, now);
  });
  rows += 2 + counts.agents * 2;

  const firstNumber = (sqlite.query<{ n: number | null }, []>('SELECT max(number) AS n FROM conversations').get()?.n ?? 0) + 1;
  const insertContact = sqlite.prepare('INSERT INTO contacts (id, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertIdentity = sqlite.prepare('INSERT INTO contact_identities (id, contact_id, channel_id, external_id, raw_id, profile_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertConversation = sqlite.prepare(`INSERT INTO conversations (id, number, channel_id, contact_id, status, assignee_id, team_id, last_message_at,
    last_message_preview, last_inbound_at, last_outbound_at, waiting_since, first_response_at, resolved_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = sqlite.prepare(`INSERT INTO conversation_events (id, conversation_id, kind, actor_id, details, created_at) VALUES (?, ?, 'status', ?, '{"from":"open","to":"resolved"}', ?)`);
  const insertMessage = sqlite.prepare(`INSERT INTO messages (id, conversation_id, channel_id, direction, sender_type, sender_id, type, content, external_id,
    status, sent_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'text', ?, ?, ?, ?, ?, ?)`);
  const perConversation = Math.max(1, Math.floor(counts.messages / Math.max(1, counts.conversations)));
  const span = 90 * 86400_000;
  let messageNo = 0;
  let resolvedCount = 0;
  inChunks(sqlite, counts.conversations, (i) => {
    const contactId = newId();
    const phone = `+54911${String(i).padStart(8, '0')}`;
    insertContact.run(contactId, `Cliente ${i}`, phone, now, now);
    insertIdentity.run(newId(), contactId, channel!.id, `${run}${i}`, phone.slice(1), `Cliente ${i}`, now);
    const id = newId();
    const start = now - span + Math.floor(random() * span);
    const assignee = agentIds.length && random() < 0.5 ? agentIds[Math.floor(random() * agentIds.length)]! : null;
    const status = random() < 0.6 ? 'resolved' : 'open';
    const n = i < counts.conversations - 1 ? perConversation : Math.max(1, counts.messages - messageNo);
    let at = start;
    let preview = '';
    let lastIn = start;
    let lastOut: number | null = null;
    let firstResponse: number | null = null;
    const messages: [string, string, string | null, string, string, string, number][] = [];
    for (let k = 0; k < n; k++) {
      const inbound = k % 2 === 0;
      // Customers write again within seconds to half an hour; agents answer within a minute to two hours.
      if (k > 0) at += inbound ? logUniform(random, 20_000, 30 * 60_000) : logUniform(random, 60_000, 2 * 3600_000);
      if (!inbound) firstResponse ??= at;
      preview = sentence(random, messageNo);
      if (inbound) lastIn = at;
      else lastOut = at;
      messages.push([inbound ? 'inbound' : 'outbound', inbound ? 'contact' : 'agent', inbound ? null : assignee, preview, `wamid.seed.${run}.${messageNo}`, inbound ? 'received' : 'read', at]);
      messageNo++;
    }
    const resolvedAt = status === 'resolved' ? at + logUniform(random, 5 * 60_000, 48 * 3600_000) : null;
    insertConversation.run(id, firstNumber + i, channel!.id, contactId, status, assignee, teamId, at, preview.slice(0, 200), lastIn, lastOut,
      status === 'open' && n % 2 === 1 ? lastIn : null, firstResponse, resolvedAt, start, resolvedAt ?? at);
    if (resolvedAt !== null) {
      insertEvent.run(newId(), id, assignee, resolvedAt);
      resolvedCount++;
    }
    for (const [direction, senderType, senderId, content, externalId, st, t] of messages) {
      insertMessage.run(newId(), id, channel!.id, direction, senderType, senderId, content, externalId, st, t, t, t);
    }
  });
  rows += counts.conversations * 3 + messageNo + resolvedCount;
  return rows;
}

export const seedCommand: Command = {
  summary: 'Fill the data dir with synthetic conversations, messages and agents (load tests)',
  usage: 'seed --conversations N --messages N --agents N',
  async run(args) {
    const { values } = parseFlags(args, { conversations: { type: 'string' }, messages: { type: 'string' }, agents: { type: 'string' } });
    const count = (v: string | undefined, fallback: number, name: string) => {
      const n = v === undefined ? fallback : Number(v);
      if (!Number.isSafeInteger(n) || n < 0 || n > 100_000_000) throw new CliError(`--${name} must be a whole number between 0 and 100000000`, 2);
      return n;
    };
    const counts = { conversations: count(values.conversations, 1000, 'conversations'), messages: count(values.messages, 10_000, 'messages'), agents: count(values.agents, 10, 'agents') };
    if (counts.conversations > 0 && counts.messages < counts.conversations) throw new CliError('--messages must be at least --conversations (each conversation gets one)', 2);
    return withApp(async (app) => {
      const started = performance.now();
      const rows = await seedDatabase(app.core.db.$client, counts);
      const seconds = (performance.now() - started) / 1000;
      console.log(`seeded ${counts.conversations} conversations, ${counts.messages} messages, ${counts.agents} agents: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)`);
      return 0;
    });
  },
};
