import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { count, eq } from 'drizzle-orm';
import { exportIntentsCsv, importIntentsCsv, parseIntentsCsv } from '../../../src/ai/intent-csv';
import { findIntent, listExamples, listIntents } from '../../../src/ai/intent-store';
import { auditLog, intentExamples } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await t.app.ai.ready;
});
afterEach(() => t.close());

const texts = (intentId: string) => listExamples(t.app.core, intentId).map((e) => e.text);
const snapshot = () => listIntents(t.app.core).map((i) => ({ id: i.id, names: i.names, examples: texts(i.id).sort() }));
const importCsv = (csv: string, options = {}) => importIntentsCsv(t.app.ai.intents, csv, options, null);

describe('parseIntentsCsv', () => {
  test('reads intent/example (or text) columns, name columns, a BOM and quoted fields', () => {
    const { rows, errors } = parseIntentsCsv('\uFEFFIntent,Example,name_es\r\nrefunds,"Quiero mi dinero, ya",Reembolsos\nrefunds,,\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, intent: 'refunds', example: 'Quiero mi dinero, ya', names: { es: 'Reembolsos' } },
      { line: 3, intent: 'refunds', example: '', names: {} },
    ]);
    expect(parseIntentsCsv('text,intent\nhola,greeting\n').rows[0]).toMatchObject({ intent: 'greeting', example: 'hola' });
  });

  test('reports every invalid line with its number and reason', () => {
    const long = 'x'.repeat(501);
    const { rows, errors } = parseIntentsCsv(`intent,example\nbilling,ok\n,sin intent\nNot Valid,hola\nbilling,${long}\n`);
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([
      { line: 3, message: 'The intent is empty' },
      { line: 4, message: expect.stringContaining('"Not Valid" is not a valid intent id') },
      { line: 5, message: 'Keep examples under 500 characters' },
    ]);
  });

  test('a missing column or broken quoting is one error on line 1', () => {
    expect(parseIntentsCsv('intent,phrase\nbilling,hola\n').errors).toEqual([{ line: 1, message: expect.stringContaining('"intent" and "example"') }]);
    expect(parseIntentsCsv('intent,example\nbilling,"hola\n').errors).toEqual([{ line: 1, message: 'CSV: unterminated quoted field' }]);
  });
});

describe('importIntentsCsv', () => {
  test('creates missing intents with their names, adds examples, skips duplicates (normalised), audits and retrains', async () => {
    const before = texts('billing').length;
    const report = await importCsv([
      'intent,example,name_en,name_es,name_pt',
      'pets,my dog zorblax barks,Pets,Mascotas,Animais',
      'pets,My  DOG zorblax barks!,,,', // same example once normalised
      'pets,the cat meows at zorblax,,,',
      `billing,${texts('billing')[0]!.toUpperCase()},,,`, // already stored
      'billing,una factura nueva del plan zeta,,,',
    ].join('\n'));
    expect(report).toMatchObject({ rows: 5, intentsCreated: ['pets'], examplesAdded: 3, duplicates: 2, examplesRemoved: 0, errors: [], applied: true });
    expect(findIntent(t.app.core, 'pets')?.names).toEqual({ en: 'Pets', es: 'Mascotas', pt: 'Animais' });
    expect(texts('pets')).toEqual(['my dog zorblax barks', 'the cat meows at zorblax']);
    expect(texts('billing')).toHaveLength(before + 1);
    expect((await t.app.ai.classifyIntent('zorblax dog')).intent).toBe('pets');
    expect(t.app.core.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'ai.intents.import')).get()!.n).toBe(1);
  });

  test('an invalid line stores nothing; dry-run reports the same counts without writing', async () => {
    const stored = t.app.core.db.select({ n: count() }).from(intentExamples).get()!.n;
    const failed = await importCsv('intent,example\npets,my dog barks\nBAD ID,hola\n');
    expect(failed).toMatchObject({ applied: false, examplesAdded: 1, intentsCreated: ['pets'], errors: [{ line: 3 }] });
    const dry = await importCsv('intent,example\npets,my dog barks\nbilling,otra factura\n', { dryRun: true });
    expect(dry).toMatchObject({ applied: false, dryRun: true, examplesAdded: 2, intentsCreated: ['pets'], errors: [] });
    expect(findIntent(t.app.core, 'pets')).toBeNull();
    expect(t.app.core.db.select({ n: count() }).from(intentExamples).get()!.n).toBe(stored);
  });

  test('a report lists the first 100 invalid lines and counts them all', async () => {
    const report = await importCsv('intent,example\n' + Array.from({ length: 150 }, (_, i) => `bad?,phrase ${i}`).join('\n'), { dryRun: true });
    expect(report.invalidRows).toBe(150);
    expect(report.errors).toHaveLength(100);
    expect(report.errors.at(-1)!.line).toBe(101);
  });

  test('never deletes unless replace; replace removes the named intents\' other examples only', async () => {
    const billing = texts('billing');
    const support = texts('support');
    expect((await importCsv(`intent,example\nbilling,${billing[0]}\n`)).examplesRemoved).toBe(0);
    expect(texts('billing')).toEqual(billing);
    const report = await importCsv(`intent,example\nbilling,${billing[0]}\nbilling,factura nueva\n`, { replace: true });
    expect(report).toMatchObject({ examplesAdded: 1, duplicates: 1, examplesRemoved: billing.length - 1, applied: true });
    expect(texts('billing')).toEqual([billing[0]!, 'factura nueva']);
    expect(texts('support')).toEqual(support);
  });

  test('export then import (replace) gives back the same intents and examples', async () => {
    await importCsv('intent,example,name_en\nquotes,"He said ""hi"", then left",Quotes\nquotes,=SUM(A1),\nquotes,-menos,\nempty_one,,Empty\n');
    const csv = exportIntentsCsv(t.app.core);
    expect(csv.startsWith('\uFEFFintent,example,name_en,name_es,name_pt\r\n')).toBe(true);
    expect(csv).toContain(`quotes,'=SUM(A1),Quotes,,\r\n`);
    const before = snapshot();
    for (const intent of before) for (const e of listExamples(t.app.core, intent.id)) t.app.core.db.delete(intentExamples).where(eq(intentExamples.id, e.id)).run();
    const report = await importCsv(csv, { replace: true });
    expect(report.errors).toEqual([]);
    expect(snapshot()).toEqual(before);
    expect(exportIntentsCsv(t.app.core)).toBe(csv);
  });
});
