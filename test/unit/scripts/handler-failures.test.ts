/**
 * A failing event-bus listener fails the test that caused it (test/preload.ts + the harness
 * logger), even though the bus itself isolates the failure and only logs it.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseJUnit } from '../../../scripts/junit-report';
import { takeHandlerFailures } from '../../helpers/handler-failures';
import { createTestApp } from '../../helpers/test-app';

const ROOT = resolve(import.meta.dir, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'turno-handler-failure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a failing event-bus listener', () => {
  test('is recorded with its event and error', async () => {
    const t = await createTestApp();
    t.app.core.bus.on('audit.logged', () => { throw new Error('listener broke'); });
    t.app.core.bus.publish('audit.logged', { action: 'test', actorId: null, targetType: null, targetId: null });
    const failures = await takeHandlerFailures();
    expect(failures.map((f) => [f.event, (f.error as Error).message])).toEqual([['audit.logged', 'listener broke']]);
    await t.close();
  });

  test('fails the test that published the event, and only that one', async () => {
    const sample = join(dir, 'sample.test.ts');
    writeFileSync(sample, `
import { expect, test } from 'bun:test';
import { createTestApp } from ${JSON.stringify(join(ROOT, 'test/helpers/test-app'))};
const t = await createTestApp();
t.app.core.bus.on('audit.logged', (p) => { if (p.action === 'boom') throw new Error('listener broke'); });
test('publishes an event a listener fails on', () => {
  t.app.core.bus.publish('audit.logged', { action: 'boom', actorId: null, targetType: null, targetId: null });
  expect(true).toBe(true);
});
test('publishes an event every listener handles', () => {
  t.app.core.bus.publish('audit.logged', { action: 'fine', actorId: null, targetType: null, targetId: null });
});
`);
    const report = join(dir, 'report.xml');
    const proc = Bun.spawn([process.execPath, 'test', '--preload', join(ROOT, 'test/preload.ts'), '--reporter=junit', `--reporter-outfile=${report}`, sample], { cwd: dir, stdout: 'pipe', stderr: 'pipe' });
    await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
    expect(await proc.exited).toBe(1);
    const cases = await parseJUnit(readFileSync(report, 'utf8'));
    expect(cases.map((c) => [c.name, c.outcome])).toEqual([
      ['publishes an event a listener fails on', 'failed'],
      ['publishes an event every listener handles', 'passed'],
    ]);
    expect(cases[0]!.message).toContain('audit.logged: Error: listener broke');
  });
});
