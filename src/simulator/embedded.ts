/**
 * "Try with the simulator": a WhatsApp channel named "Simulator" whose Graph URL points at an
 * in-process Graph API simulator on a loopback port. The simulator signs its webhooks with the
 * channel's app secret and posts them to this Turno's own `/webhooks/whatsapp`, so messages take
 * exactly the production path (signature, durable store, ingest worker, sends, statuses).
 *
 * The channel's config carries `simulator: {port}`; the secrets are the channel's own. When the
 * app starts again, `resume()` restarts a simulator per such channel (on its old port when free,
 * else on a new one, updating the Graph URL). Simulated customers write a few messages of
 * different types during the first minute after the channel is created.
 */
import { eq } from 'drizzle-orm';
import { channelSecrets, createWhatsAppChannel, DEFAULT_GRAPH_VERSION, listChannels, updateWhatsAppChannel, whatsappConfig } from '../core/channels';
import type { Core } from '../core/context';
import type { Actor, Channel } from '../core/types';
import { channels } from '../db/schema';
import { scheduleTemplateSync } from '../jobs/handlers/templates-sync';
import { randomToken } from '../lib/ids';
import { SimulatedTraffic } from './controls';
import { CUSTOMERS } from './customers';
import { startGraphSimulator, type GraphSimulator, type InboundKind } from './graph-simulator';

export const SIMULATOR_CHANNEL_NAME = 'Simulator';
/** What the simulated customers send after the channel is created: [kind, customer index]. */
const SCRIPT: Array<[InboundKind, number]> = [['text', 0], ['image', 1], ['location', 2], ['button_reply', 0], ['text', 4]];
/** When each script step is posted, in ms after creation (all within the first minute). */
export const DEFAULT_SCRIPT_DELAYS_MS = [1_500, 12_000, 25_000, 40_000, 55_000];

interface SimulatorSetup { phoneNumberId: string; wabaId: string; accessToken: string; appSecret: string; verifyToken: string }

/** True for a channel created by "try with the simulator". */
export function isSimulatorChannel(channel: Channel): boolean {
  return typeof (channel.config as { simulator?: unknown }).simulator === 'object';
}

function randomDigits(count: number): string {
  return [...crypto.getRandomValues(new Uint8Array(count))].map((b) => String(b % 10)).join('');
}

/** Owns the embedded simulators of the app (one per simulator channel). */
export class EmbeddedSimulators {
  private running = new Map<string, GraphSimulator>();
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private webhookUrl: string | null = null;
  private waitingScripts: string[] = [];
  /** Scripted traffic started from the channel's control panel. */
  readonly traffic = new SimulatedTraffic();

  constructor(private core: Core, private opts: { scriptDelaysMs?: number[] } = {}) {}

  /** Where this Turno listens (called once the HTTP server is bound); starts scripts that were waiting. */
  setTurnoUrl(baseUrl: string): void {
    this.webhookUrl = `${baseUrl.replace(/\/+$/, '')}/webhooks/whatsapp`;
    for (const sim of this.running.values()) sim.setWebhookUrl(this.webhookUrl);
    for (const id of this.waitingScripts.splice(0)) this.startScript(id);
  }

  /**
   * Creates the simulator channel (or returns the one already running, its customers writing again), starts its simulator,
   * queues a template sync and the simulated customers' first messages. Audited as channel.create.
   */
  async createChannel(actor: Actor | null): Promise<Channel> {
    const existing = listChannels(this.core).find((c) => isSimulatorChannel(c) && this.running.has(c.id));
    // Adding it again says customers will write: they do (the script runs again).
    if (existing) { if (this.webhookUrl) this.startScript(existing.id); return existing; }
    const setup: SimulatorSetup = {
      phoneNumberId: `999${randomDigits(12)}`, wabaId: `998${randomDigits(12)}`,
      accessToken: randomToken(32), appSecret: randomToken(24), verifyToken: randomToken(18),
    };
    const sim = await this.start(setup, 0);
    try {
      const channel = createWhatsAppChannel(this.core, {
        name: SIMULATOR_CHANNEL_NAME, ...setup, graphUrl: sim.url, graphVersion: DEFAULT_GRAPH_VERSION, displayPhone: sim.business.displayPhoneNumber,
      }, actor);
      const marked = this.mark(channel, sim.port);
      this.running.set(channel.id, sim);
      scheduleTemplateSync(this.core, channel.id);
      if (this.webhookUrl) this.startScript(channel.id);
      else this.waitingScripts.push(channel.id);
      return marked;
    } catch (error) {
      await sim.stop();
      throw error;
    }
  }

  /** Restarts a simulator for every enabled simulator channel (app start); no-op when there is none. */
  async resume(): Promise<void> {
    for (const channel of listChannels(this.core)) {
      if (!isSimulatorChannel(channel) || channel.status === 'disabled' || this.running.has(channel.id)) continue;
      const config = whatsappConfig(channel);
      const setup: SimulatorSetup = { phoneNumberId: config.phoneNumberId, wabaId: config.wabaId, ...channelSecrets(this.core, channel) };
      const oldPort = (channel.config as { simulator: { port: number } }).simulator.port;
      const sim = await this.start(setup, oldPort).catch(() => this.start(setup, 0));
      if (sim.url !== config.graphUrl) {
        const updated = updateWhatsAppChannel(this.core, channel.id, { graphUrl: sim.url }, { type: 'system', name: 'simulator' });
        this.mark(updated, sim.port);
      }
      this.running.set(channel.id, sim);
      this.core.log.info('whatsapp simulator started', { channelId: channel.id, url: sim.url });
    }
  }

  /** The running simulator of a channel (tests and the demo drive it directly). */
  simulatorOf(channelId: string): GraphSimulator | undefined {
    return this.running.get(channelId);
  }

  /** Stops every simulator and pending scripted message. */
  async stop(): Promise<void> {
    this.traffic.stopAll();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.running.values()].map((sim) => sim.stop()));
    this.running.clear();
  }

  private start(setup: SimulatorSetup, port: number): Promise<GraphSimulator> {
    return startGraphSimulator({ ...setup, port, webhookUrl: this.webhookUrl ?? undefined, verifiedName: 'Turno Simulator' });
  }

  private mark(channel: Channel, port: number): Channel {
    const config = { ...channel.config, simulator: { port } };
    this.core.db.update(channels).set({ config }).where(eq(channels.id, channel.id)).run();
    return { ...channel, config };
  }

  private startScript(channelId: string): void {
    const delays = this.opts.scriptDelaysMs ?? DEFAULT_SCRIPT_DELAYS_MS;
    SCRIPT.slice(0, delays.length).forEach(([kind, customer], i) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        const sim = this.running.get(channelId);
        sim?.sendInbound(kind, CUSTOMERS[customer]!.waId).catch((error) => this.core.log.warn('simulated message failed', { error }));
      }, delays[i]);
      this.timers.add(timer);
    });
  }
}

/** The base URL the embedded simulators use to reach this Turno (loopback when bound to all interfaces). */
export function loopbackUrl(host: string, port: number): string {
  const h = ['', '0.0.0.0', '::', '[::]'].includes(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}
