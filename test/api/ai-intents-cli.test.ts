import { afterAll, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliOn } from '../helpers/turno-cli';

const dataDir = mkdtempSync(join(tmpdir(), 'turno-ai-intents-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const turno = cliOn(dataDir);

test('ai intents export, import (dry-run, real, replace) and a round trip that changes nothing', async () => {
  const out = join(dataDir, 'intents.csv');
  expect((await turno('ai', 'intents', 'export', '--out', out)).code).toBe(0);
  const exported = readFileSync(out, 'utf8');
  expect(exported.startsWith('\uFEFFintent,example,name_en,name_es,name_pt\r\n')).toBe(true);
  expect(exported).toContain('\r\nbilling,');
  expect((await turno('ai', 'intents', 'export')).stdout).toBe(exported);

  const extra = join(dataDir, 'extra.csv');
  writeFileSync(extra, 'intent,example,name_en\nplants,my fern is dying,Plants\nplants,MY FERN IS DYING!,\n');
  const dry = await turno('ai', 'intents', 'import', extra, '--dry-run');
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain('2 rows (dry run, nothing changed): 1 examples added, 1 duplicates skipped, 0 examples removed');
  expect((await turno('ai', 'intents', 'export')).stdout).toBe(exported);
  const real = await turno('ai', 'intents', 'import', extra);
  expect(real.stdout).toContain('2 rows (imported): 1 examples added');
  expect(real.stdout).toContain('intents created: plants');
  expect((await turno('ai', 'intents', 'export')).stdout).toContain('plants,my fern is dying,Plants,,\r\n');

  const back = await turno('ai', 'intents', 'import', out, '--replace');
  expect(back.code).toBe(0);
  expect(back.stdout).toContain('0 examples added');
  expect((await turno('ai', 'intents', 'export')).stdout).toContain('plants,my fern is dying'); // intents not in the file stay
}, 60_000);

test('ai intents import: invalid lines are listed and nothing is stored; usage errors', async () => {
  const bad = join(dataDir, 'bad.csv');
  writeFileSync(bad, 'intent,example\ntrees,an oak\nBad Id,hola\n');
  const r = await turno('ai', 'intents', 'import', bad);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('nothing imported');
  expect(r.stderr).toContain('line 3: "Bad Id" is not a valid intent id');
  expect((await turno('ai', 'intents', 'export')).stdout).not.toContain('trees');
  expect((await turno('ai', 'intents', 'import', join(dataDir, 'nope.csv'))).stderr).toContain('no such file');
  expect((await turno('ai', 'intents', 'frobnicate')).code).toBe(2);
  const help = await turno('ai', 'intents', '--help');
  for (const flag of ['--out', '--replace', '--dry-run']) expect(help.stdout).toContain(flag);
}, 60_000);
