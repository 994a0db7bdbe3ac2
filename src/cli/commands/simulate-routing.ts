/** `turno simulate-routing`: measures routing fairness with the real engine and a fake clock. */
import type { Command } from '../commands';
import { CliError, parseFlags } from '../args';
import { formatReport, simulateRouting } from '../routing-simulation';

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`--${name} must be a positive whole number`);
  return n;
}

export const simulateRoutingCommand: Command = {
  summary: 'Simulate customers and agents through the real router; print fairness and waiting times',
  usage: 'simulate-routing [--customers 200] [--agents 10] [--mode round_robin|balanced] [--minutes 60] [--capacity 5] [--seed 1]',
  async run(args) {
    const { values } = parseFlags(args, {
      customers: { type: 'string' }, agents: { type: 'string' }, mode: { type: 'string' }, minutes: { type: 'string' },
      capacity: { type: 'string' }, seed: { type: 'string' },
    });
    const mode = values.mode ?? 'round_robin';
    if (mode !== 'round_robin' && mode !== 'balanced') throw new CliError('--mode must be round_robin or balanced');
    const report = await simulateRouting({
      customers: int(values.customers, 200, 'customers'), agents: int(values.agents, 10, 'agents'),
      mode, minutes: int(values.minutes, 60, 'minutes'), capacity: int(values.capacity, 5, 'capacity'),
      seed: int(values.seed, 1, 'seed'),
    });
    console.log(formatReport(report));
    return 0;
  },
};
