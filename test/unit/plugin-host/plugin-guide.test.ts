import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pluginIndex, pluginMigration } from '../../../src/cli/plugin-scaffold';

test('docs/plugins.md shows exactly what `turno plugin new acme-crm` writes', () => {
  const guide = readFileSync(join(import.meta.dir, '..', '..', '..', 'docs', 'plugins.md'), 'utf8');
  expect(guide).toContain('```ts\n' + pluginIndex('acme-crm') + '```');
  expect(guide).toContain('```sql\n' + pluginMigration('acme-crm') + '```');
});
