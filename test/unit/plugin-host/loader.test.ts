import { expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { definitionProblem, discoverPlugins } from '../../../src/plugin-host/loader';

const FIXTURES = join(import.meta.dir, '..', '..', 'fixtures', 'plugins');

test('every .ts/.js file and folder with an index is found, each folder in name order, several folders in the order given', () => {
  const found = discoverPlugins(`${join(FIXTURES, 'faulty')}:${join(FIXTURES, 'basic')}:${join(FIXTURES, 'missing')}`);
  expect(found.map((s) => s.path.slice(FIXTURES.length + 1))).toEqual([
    'faulty/a-throws-at-load.ts', 'faulty/b-throws-in-handler.ts', 'faulty/c-hangs.ts', 'faulty/d-setup-throws.ts', 'faulty/e-no-default.ts', 'basic/sample',
  ]);
  expect(found.at(-1)!.folder).toBe(join(FIXTURES, 'basic', 'sample'));
});

test('TURNO_PLUGINS_DIR may list several folders, relative ones resolved from the working directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'turno-config-'));
  try {
    const config = loadConfig({ TURNO_PLUGINS_DIR: '/data/plugins:extra' }, { dataDir });
    expect(config.pluginsDir).toBe(`/data/plugins:${join(process.cwd(), 'extra')}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a definition is checked before it is used, with a reason a developer can act on', () => {
  expect(definitionProblem(undefined)).toContain('no default export');
  expect(definitionProblem({ id: 'Bad Id', name: 'x', version: '1.0.0', setup() {} })).toContain('lower-case');
  expect(definitionProblem({ id: 'ok', name: 'x', version: 'one', setup() {} })).toContain('1.0.0');
  expect(definitionProblem({ id: 'ok', name: 'x', version: '1.0.0' })).toBe('setup(api) is missing');
  expect(definitionProblem({ id: 'ok', name: 'x', version: '1.0.0', setup() {} })).toBeNull();
});
