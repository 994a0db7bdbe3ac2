/** Benchmark plugin: each message.created takes 200 ms (a slow CRM call), well within the 5 s time-out. */
import { definePlugin } from 'turno/plugin';

export default definePlugin({
  id: 'bench-slow',
  name: 'Bench slow',
  version: '1.0.0',
  setup(api) {
    api.on('message.created', () => new Promise<void>((resolve) => setTimeout(resolve, 200)));
  },
});
