/** The services' shared context: database, event bus, clock, logger and configuration. */
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Clock } from '../lib/clock';
import type { HookBus } from '../lib/hook-bus';
import type { Logger } from '../lib/logger';
import type { TurnoEvents } from './events';

export interface Core {
  db: Db;
  bus: HookBus<TurnoEvents>;
  clock: Clock;
  log: Logger;
  config: Config;
}
