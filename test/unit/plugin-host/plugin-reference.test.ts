import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { DURABLE_EVENTS } from '../../../src/core/events';
import { REFERENCE_FILE, renderPluginReference } from '../../../scripts/plugin-reference';

// Type-checking the contract's imports (drizzle, zod, Elysia) takes a while on a loaded machine.
test('docs/plugin-reference.md is what the types generate (run: bun scripts/plugin-reference.ts)', () => {
  const generated = renderPluginReference();
  for (const event of DURABLE_EVENTS) expect(generated).toContain(`### \`${event}\``);
  expect(generated).toContain('| `direction` | `"inbound" \\| "outbound"` |');
  const committed = readFileSync(REFERENCE_FILE, 'utf8');
  if (committed !== generated) throw new Error('docs/plugin-reference.md is out of date with the types: run bun scripts/plugin-reference.ts and commit it');
}, 180_000);
