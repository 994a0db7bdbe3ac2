/** The services' shared context: database, event bus, clock, logger and configuration. */
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Clock } from '../lib/clock';
import type { HookBus } from '../lib/hook-bus';
import type { Logger } from '../lib/logger';
import type { EventLogSignal } from './event-log';
import type { TurnoEvents } from './events';

export interface Core {
  db: Db;
  bus: HookBus<TurnoEvents>;
  clock: Clock;
  log: Logger;
  config: Config;
  /** Fires after a commit that wrote durable events (wakes the event dispatcher). */
  eventSignal: EventLogSignal;
}
