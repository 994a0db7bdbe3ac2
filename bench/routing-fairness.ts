/**
 * Routing fairness benchmark: runs the real router in both automatic modes, at a relaxed and at
 * an overloaded load, and prints per-agent distribution and waiting percentiles.
 * Run: bun bench/routing-fairness.ts
 */
import { formatReport, simulateRouting } from '../src/cli/routing-simulation';

for (const [customers, capacity] of [[200, 5], [400, 2]] as const) {
  for (const mode of ['round_robin', 'balanced'] as const) {
    const started = performance.now();
    const report = await simulateRouting({ customers, agents: 10, mode, minutes: 60, capacity, seed: 1 });
    console.log(formatReport(report));
    console.log(`simulated in ${Math.round(performance.now() - started)} ms\n`);
  }
}
