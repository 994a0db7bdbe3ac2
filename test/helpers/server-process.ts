/**
 * A real Turno server in a child process (`bun src/main.ts serve`, or the compiled binary) on a
 * temp data dir and a loopback port. Reliability tests kill it with SIGKILL and start it again on
 * the same data dir; benchmarks load it from another process. `prepareDataDir` seeds the data dir
 * in-process (migrations, a WhatsApp channel, users, sessions) before the server starts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../../src/app';
import { createSession } from '../../src/core/auth';
import { createWhatsAppChannel } from '../../src/core/channels';
import type { Channel, PublicUser } from '../../src/core/types';
import { getUserOrThrow, toPublicUser } from '../../src/core/users';
import { channelTeams, teamMembers, teams, users as usersTable } from '../../src/db/schema';
import { newId } from '../../src/lib/ids';
import { loadConfig } from '../../src/config';
import type { Role } from '../../src/db/schema/enums';
import { recordingLogger } from './handler-failures';
import { TEST_PASSWORD } from './test-app';
import { APP_SECRET, PHONE_NUMBER_ID, VERIFY_TOKEN, WABA_ID } from './whatsapp';

export const ROOT = resolve(import.meta.dir, '../..');
export const ACCESS_TOKEN = 'EAAG-test-access-token';

export interface SeededUser {
  user: PublicUser;
  /** Session cookie value (`turno_session=<token>`). */
  cookie: string;
  csrfToken: string;
  /** An agent in a team the channel is not shared with (may see none of its conversations). */
  outsider: boolean;
}

export interface PreparedDataDir {
  dataDir: string;
  channel: Channel;
  users: SeededUser[];
  remove(): void;
}

/**
 * Creates a temp data dir with a migrated database, one WhatsApp channel (test secrets) pointing
 * at `graphUrl`, and signed-in users of the given roles (agents in a team the channel is shared
 * with) plus `outsiderAgents` agents in a team it is not shared with. Users are inserted directly
 * with one password hash (TEST_PASSWORD) so hundreds take no time. Runs in this process.
 */
export async function prepareDataDir(opts: { graphUrl?: string; users?: Role[]; outsiderAgents?: number; rateLimitPerSecond?: number; dataDir?: string } = {}): Promise<PreparedDataDir> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'turno-proc-'));
  const config = loadConfig({ TURNO_LOG_LEVEL: 'silent' }, { dataDir });
  const app = createApp(config, { startWorkers: false, logger: recordingLogger() });
  try {
    const channel = createWhatsAppChannel(app.core, {
      name: 'Ventas', phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: ACCESS_TOKEN, appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN, graphUrl: opts.graphUrl ?? 'http://127.0.0.1:9', graphVersion: 'v23.0', rateLimitPerSecond: opts.rateLimitPerSecond ?? 80,
    }, null);
    const users: SeededUser[] = [];
    const roles = [...(opts.users ?? []), ...Array<Role>(opts.outsiderAgents ?? 0).fill('agent')];
    const teamOf = (team: string) => {
      const id = newId();
      app.core.db.insert(teams).values({ id, name: team, createdAt: Date.now() }).run();
      return id;
    };
    const inside = roles.length ? teamOf('Ventas') : null;
    const outside = opts.outsiderAgents ? teamOf('Otros') : null;
    if (inside) app.core.db.insert(channelTeams).values({ channelId: channel.id, teamId: inside }).run();
    const passwordHash = roles.length ? await Bun.password.hash(TEST_PASSWORD) : '';
    roles.forEach((role, i) => {
      const id = newId();
      const now = Date.now();
      app.core.db.insert(usersTable).values({ id, email: `${role}${i + 1}@bench.test`, name: `${role} ${i + 1}`, passwordHash, role, createdAt: now, updatedAt: now }).run();
      const outsider = i >= (opts.users ?? []).length;
      if (role === 'agent') app.core.db.insert(teamMembers).values({ teamId: outsider ? outside! : inside!, userId: id, createdAt: now }).run();
      const { token, session } = createSession(app.core, id);
      users.push({ user: toPublicUser(getUserOrThrow(app.core, id)), cookie: `turno_session=${token}`, csrfToken: session.csrfToken, outsider });
    });
    return { dataDir, channel, users, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
  } finally {
    await app.stop();
  }
}

export interface ServerProcess {
  url: string;
  port: number;
  proc: ReturnType<typeof Bun.spawn>;
  /** Milliseconds from spawn to the first `/readyz` 200. */
  startupMs: number;
  /** SIGKILL, no clean-up: what a crash or an OOM kill does. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the graceful stop. */
  stop(): Promise<void>;
  /** Resident set size in MB (from /proc), or null when unavailable. */
  rssMb(): number | null;
  /** CPU time (user + system) the process has used so far, in ms (from /proc), or null. */
  cpuMs(): number | null;
}

/** A free loopback port (bind to 0, read it, close). */
export function freePort(): number {
  const s = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response('') });
  const port = s.port as number;
  s.stop(true);
  return port;
}

/**
 * Spawns the server on `dataDir` and waits until `/readyz` answers 200 (throws after
 * `timeoutMs`, including the server's stderr). `binary` runs a compiled `dist/turno` instead.
 */
export async function startServerProcess(dataDir: string, opts: { port?: number; env?: Record<string, string>; binary?: string; timeoutMs?: number; quiet?: boolean; bunArgs?: string[] } = {}): Promise<ServerProcess> {
  const port = opts.port ?? freePort();
  const cmd = opts.binary ? [opts.binary, 'serve'] : [process.execPath, ...(opts.bunArgs ?? []), join(ROOT, 'src/main.ts'), 'serve'];
  const started = performance.now();
  const proc = Bun.spawn(cmd, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TURNO_DATA_DIR: dataDir, TURNO_LOG_LEVEL: 'error', ORT_DISABLE_TELEMETRY: '1', ...opts.env },
    stdout: 'ignore',
    stderr: opts.quiet === false ? 'inherit' : 'pipe',
  });
  const errTail = drain(proc);
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + (opts.timeoutMs ?? 20_000);
  for (;;) {
    if (proc.exitCode !== null) {
      await Bun.sleep(50);
      throw new Error(`server exited with ${proc.exitCode}: ${errTail()}`);
    }
    const ok = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (performance.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server not ready after ${opts.timeoutMs ?? 20_000} ms: ${errTail()}`);
    }
    await Bun.sleep(5);
  }
  const startupMs = performance.now() - started;
  return {
    url, port, proc, startupMs,
    async kill() {
      proc.kill('SIGKILL');
      await proc.exited;
    },
    async stop() {
      proc.kill('SIGTERM');
      await proc.exited;
    },
    cpuMs() {
      try {
        const fields = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
      } catch {
        return null;
      }
    },
    rssMb() {
      try {
        const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
        return Number.isFinite(kb) ? kb / 1024 : null;
      } catch {
        return null;
      }
    },
  };
}

/** Keeps reading the child's stderr (so it never blocks on a full pipe); returns its last 4 kB. */
function drain(proc: ReturnType<typeof Bun.spawn>): () => string {
  let tail = '';
  const stream = proc.stderr;
  if (stream instanceof ReadableStream) {
    void (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) tail = (tail + decoder.decode(chunk, { stream: true })).slice(-4000);
    })().catch(() => undefined);
  }
  return () => tail;
}
