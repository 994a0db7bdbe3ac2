/** What the HTTP features receive from the composition root. */
import type { AiRuntime } from '../ai/runtime';
import type { LoginGuard } from '../core/auth';
import type { Core } from '../core/context';
import type { JobRunner } from '../jobs/runner';
import type { Realtime } from '../realtime/realtime';
import type { EmbeddedSimulators } from '../simulator/embedded';
import type { PluginHost } from '../plugin-host/host';
import type { OutboundWebhooks } from '../jobs/outbound-webhooks/service';

export interface HttpDeps {
  core: Core;
  loginGuard: LoginGuard;
  jobs: JobRunner;
  /** WebSocket hub, presence and live updates (`realtime.hub` pushes HTML to tabs). */
  realtime: Realtime;
  /** Intent classifier, knowledge base and bot (src/ai/runtime.ts). */
  ai: AiRuntime;
  /** Extra readiness checks contributed by features (e.g. data dir writable). */
  readinessChecks: Array<() => string | null>;
  /** In-process WhatsApp simulators behind "try with the simulator" channels. */
  simulators: EmbeddedSimulators;
  /** Loaded plugins: their routes, UI slots and state. */
  plugins: PluginHost;
  /** Outbound webhook subscriptions and their delivery (src/jobs/outbound-webhooks/). */
  webhooks: OutboundWebhooks;
}
