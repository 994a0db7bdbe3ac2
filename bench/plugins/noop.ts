/** Benchmark plugin: handles every message.created and does nothing. */
import { definePlugin } from 'turno/plugin';

export default definePlugin({
  id: 'bench-noop',
  name: 'Bench no-op',
  version: '1.0.0',
  setup(api) {
    api.on('message.created', () => {});
  },
});
