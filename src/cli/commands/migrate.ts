/** `turno migrate`: applies pending database migrations and exits. */
import { appliedMigrationCount } from '../../db/migrator';
import type { Command } from '../commands';
import { withApp } from '../context';

export const migrateCommand: Command = {
  summary: 'Apply database migrations and exit',
  usage: 'migrate',
  async run() {
    return withApp((app) => {
      console.log(`migrations applied: ${appliedMigrationCount(app.core.db)} (database ${app.core.config.dataDir}/turno.db)`);
      return 0;
    });
  },
};
