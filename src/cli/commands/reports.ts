/** `turno reports rebuild`: recomputes every report rollup from the raw conversation timelines. */
import { rebuildReportRollups } from '../../core/reports/rollups';
import { CliError } from '../args';
import type { Command } from '../commands';
import { withApp } from '../context';

export const reportsCommand: Command = {
  summary: 'Recompute the report rollups from the raw conversation timelines',
  usage: 'reports rebuild',
  async run(args) {
    if (args.length !== 1 || args[0] !== 'rebuild') throw new CliError('usage: turno reports rebuild', 2);
    return withApp((app) => {
      const started = performance.now();
      const n = rebuildReportRollups(app.core);
      console.log(`rebuilt report rollups of ${n} conversations in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    });
  },
};
