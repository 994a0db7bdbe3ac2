/** `turno version`. */
import pkg from '../../../package.json' with { type: 'json' };
import type { Command } from '../commands';

export const versionCommand: Command = {
  summary: 'Print the version',
  usage: 'version',
  async run() {
    console.log(`turno ${pkg.version} (bun ${Bun.version})`);
    return 0;
  },
};
