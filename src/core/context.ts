/** The services' shared context: database, event bus, clock, logger and configuration. */
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Clock } from '../lib/clock';
import type { HookBus } from '../lib/hook-bus';
import type { Logger } from '../lib/logger';
import type { EventLogSignal } from './event-log';
import type { TurnoEvents } from './events';
import type { TurnoFilters } from './filters';
import type { FilterHooks } from '../lib/filter-hooks';

export interface Core {
  db: Db;
  bus: HookBus<TurnoEvents>;
  clock: Clock;
  log: Logger;
  config: Config;
  /** Before-hooks: veto or modify sends and assignments inside their transaction. */
  hooks: FilterHooks<TurnoFilters>;
  /** Fires after a commit that wrote durable events (wakes the event dispatcher). */
  eventSignal: EventLogSignal;
}
