/** `turno serve` (the default): runs the inbox until SIGTERM/SIGINT, then shuts down gracefully. */
import { createApp } from '../../app';
import { loadConfig } from '../../config';
import { parseFlags } from '../args';
import type { Command } from '../commands';

export const serveCommand: Command = {
  summary: 'Run the inbox server (default)',
  usage: 'serve [--port N]',
  async run(args) {
    const { values } = parseFlags(args, { port: { type: 'string' } });
    const config = loadConfig(process.env, values.port ? { port: Number(values.port) } : {});
    const app = createApp(config);
    await app.loadPlugins();
    const port = app.listen(config.port);
    app.core.log.info('turno listening', { url: `http://localhost:${port}`, dataDir: config.dataDir });
    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.core.log.info('shutting down', { signal });
      await app.stop();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
    return null;
  },
};
