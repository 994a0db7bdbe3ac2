/** `turno models pull <hub id> [--dtype q8|fp32]`: downloads a sentence-embedding model. */
import { pullModel, progressLine, HUB_ID } from '../../ai/model-pull';
import { loadConfig } from '../../config';
import { CliError, parseFlags } from '../args';
import type { Command } from '../commands';

const USAGE = 'usage: turno models pull <owner/name> [--dtype q8|fp32]';

export const modelsCommand: Command = {
  summary: 'Download an intent model from the Hugging Face Hub into TURNO_MODELS_DIR',
  usage: 'models pull <owner/name> [--dtype q8|fp32]',
  async run(args) {
    const { positionals, values } = parseFlags(args, { dtype: { type: 'string' } });
    const [action, hubId, ...extra] = positionals;
    if (action !== 'pull' || !hubId || extra.length > 0) throw new CliError(USAGE, 2);
    if (!HUB_ID.test(hubId)) throw new CliError(`"${hubId}" is not a Hub model id (expected owner/name, e.g. Xenova/multilingual-e5-small)`, 2);
    const dtype = values.dtype ?? 'q8';
    if (dtype !== 'q8' && dtype !== 'fp32') throw new CliError('--dtype must be q8 or fp32', 2);
    const config = loadConfig();
    const tty = process.stderr.isTTY;
    const folder = await pullModel(config.modelsDir, hubId, {
      dtype,
      onProgress: (p) => {
        const line = progressLine(p);
        if (line && (tty || p.progress === 100)) process.stderr.write(tty ? `\r${line}` : `${line}\n`);
        if (tty && p.status === 'done') process.stderr.write('\n');
      },
    }).catch((error: Error) => {
      throw new CliError(error.message);
    });
    console.log(`model ready in ${folder}`);
    return 0;
  },
};
