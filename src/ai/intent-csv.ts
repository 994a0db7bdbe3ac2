/**
 * Intents and their training phrases as CSV. Export: one row per example (`intent,example,name_en,
 * name_es,name_pt`; an intent without examples gets one row with an empty example), UTF-8 with a
 * BOM so spreadsheets read the accents. Import: every row is validated first and the report names
 * each bad line; when one is bad nothing is stored. Rows add examples (a repeated intent + example,
 * compared in normalised form, is counted as a duplicate and skipped), create the intents that do
 * not exist yet and set the display names given in the name columns. Nothing is deleted unless
 * `replace` is set: then the examples of every intent named in the file that the file does not
 * contain are removed (intents missing from the file are left alone). `dryRun` reports without
 * writing. The classifier retrains after a real import.
 */
import { eq, inArray, max } from 'drizzle-orm';
import { intentExamples, intents } from '../db/schema';
import { transaction } from '../db/client';
import { newId } from '../lib/ids';
import { csvLine, parseCsv } from '../lib/csv';
import { recordAudit } from '../core/audit';
import type { Core } from '../core/context';
import type { Actor } from '../core/types';
import { exampleTextSchema, listIntents, type IntentStore } from './intent-store';
import { normalizeText } from './text-features';

const NAME_COLUMNS = { name_en: 'en', name_es: 'es', name_pt: 'pt' } as const;
const INTENT_ID = /^[a-z0-9][a-z0-9_-]{0,59}$/;
/** Largest file the import reads (both the API and the admin page refuse bigger uploads). */
export const MAX_INTENT_CSV_BYTES = 5 * 1024 * 1024;
/** Invalid lines listed in a report (`invalidRows` counts them all). */
export const MAX_REPORTED_ERRORS = 100;

export interface IntentImportOptions {
  replace?: boolean;
  dryRun?: boolean;
}

/** What an import did (or, with `dryRun` or errors, would do). `applied` is false when nothing was written. */
export interface IntentImportReport {
  rows: number;
  intentsCreated: string[];
  intentsRenamed: string[];
  examplesAdded: number;
  duplicates: number;
  examplesRemoved: number;
  /** How many lines are invalid; the first MAX_REPORTED_ERRORS are in `errors`. */
  invalidRows: number;
  errors: Array<{ line: number; message: string }>;
  dryRun: boolean;
  replace: boolean;
  applied: boolean;
}

interface ParsedRow { line: number; intent: string; example: string; names: Record<string, string> }

/** Every intent and example as CSV text (BOM, header, CRLF lines), intents in display order. */
export function exportIntentsCsv(core: Core): string {
  const examples = core.db.select({ intentId: intentExamples.intentId, text: intentExamples.text }).from(intentExamples)
    .orderBy(intentExamples.createdAt, intentExamples.id).all();
  const byIntent = Map.groupBy(examples, (e) => e.intentId);
  let out = '\uFEFF' + csvLine(['intent', 'example', ...Object.keys(NAME_COLUMNS)]);
  for (const intent of listIntents(core)) {
    const names = Object.values(NAME_COLUMNS).map((key) => intent.names[key] ?? '');
    const texts = byIntent.get(intent.id)?.map((e) => e.text) ?? [''];
    for (const text of texts) out += csvLine([intent.id, text, ...names]);
  }
  return out;
}

/** Reads the rows of an intents CSV; a file-level problem (no header, missing column) is one error on line 1. */
export function parseIntentsCsv(csv: string): { rows: ParsedRow[]; errors: IntentImportReport['errors'] } {
  let table: string[][];
  try {
    table = parseCsv(csv);
  } catch (error) {
    return { rows: [], errors: [{ line: 1, message: (error as Error).message }] };
  }
  const [header, ...body] = table;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const intentAt = columns.indexOf('intent');
  const exampleAt = columns.indexOf('example') >= 0 ? columns.indexOf('example') : columns.indexOf('text');
  if (intentAt < 0 || exampleAt < 0) return { rows: [], errors: [{ line: 1, message: 'The first line must name the columns "intent" and "example"' }] };
  const rows: ParsedRow[] = [];
  const errors: IntentImportReport['errors'] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    const cell = (at: number) => (cells[at] ?? '').trim();
    const intent = cell(intentAt);
    const names = Object.fromEntries(Object.entries(NAME_COLUMNS)
      .map(([column, key]) => [key, cell(columns.indexOf(column)).slice(0, 80)] as const).filter(([, v]) => v !== ''));
    if (!intent) return errors.push({ line, message: 'The intent is empty' });
    if (!INTENT_ID.test(intent)) return errors.push({ line, message: `"${intent.slice(0, 60)}" is not a valid intent id: use lowercase letters, digits, _ or - (up to 60)` });
    const example = cell(exampleAt);
    if (example === '') return rows.push({ line, intent, example, names });
    const checked = exampleTextSchema.safeParse(example.replace(/^'(?=[=@+\-\t\r])/, ''));
    if (!checked.success) return errors.push({ line, message: checked.error.issues[0]!.message });
    rows.push({ line, intent, example: checked.data, names });
  });
  return { rows, errors };
}

/** Plans (and, unless `dryRun` or there are errors, applies) an import; see the module comment. Audited; retrains. */
export async function importIntentsCsv(store: IntentStore, csv: string, options: IntentImportOptions, actor: Actor | null): Promise<IntentImportReport> {
  const { core } = store;
  const { rows, errors } = parseIntentsCsv(csv);
  const report: IntentImportReport = {
    rows: rows.length + errors.length, intentsCreated: [], intentsRenamed: [], examplesAdded: 0, duplicates: 0, examplesRemoved: 0,
    invalidRows: errors.length, errors: errors.slice(0, MAX_REPORTED_ERRORS), dryRun: options.dryRun === true, replace: options.replace === true, applied: false,
  };
  const existing = new Map(listIntents(core).map((i) => [i.id, i]));
  const named = [...new Set(rows.map((r) => r.intent))];
  const stored = named.length === 0 ? [] : core.db.select({ id: intentExamples.id, intentId: intentExamples.intentId, text: intentExamples.text })
    .from(intentExamples).where(inArray(intentExamples.intentId, named)).all();
  const keyOf = (intent: string, text: string) => `${intent}\u0000${normalizeText(text) || text}`;
  const storedKeys = new Map(stored.map((e) => [keyOf(e.intentId, e.text), e.id]));
  const kept = new Set<string>();
  const toAdd: Array<{ intentId: string; text: string }> = [];
  const names = new Map<string, Record<string, string>>();
  for (const row of rows) {
    if (Object.keys(row.names).length > 0) names.set(row.intent, { ...names.get(row.intent), ...row.names });
    if (!row.example) continue;
    const key = keyOf(row.intent, row.example);
    if (kept.has(key)) {
      report.duplicates++;
      continue;
    }
    kept.add(key);
    if (storedKeys.has(key)) report.duplicates++;
    else toAdd.push({ intentId: row.intent, text: row.example });
  }
  const toRemove = report.replace ? stored.filter((e) => !kept.has(keyOf(e.intentId, e.text))).map((e) => e.id) : [];
  report.intentsCreated = named.filter((id) => !existing.has(id));
  report.intentsRenamed = [...names].filter(([id, n]) => existing.has(id) && Object.entries(n).some(([k, v]) => existing.get(id)!.names[k] !== v)).map(([id]) => id);
  report.examplesAdded = toAdd.length;
  report.examplesRemoved = toRemove.length;
  if (report.dryRun || report.invalidRows > 0) return report;

  const now = core.clock.now();
  transaction(core.db, () => {
    const last = core.db.select({ p: max(intents.position) }).from(intents).get()?.p ?? -1;
    report.intentsCreated.forEach((id, i) => {
      core.db.insert(intents).values({ id, names: names.get(id) ?? {}, labels: [], priority: 0, enabled: true, position: last + 1 + i, createdAt: now, updatedAt: now }).run();
    });
    for (const id of report.intentsRenamed) {
      core.db.update(intents).set({ names: { ...existing.get(id)!.names, ...names.get(id) }, updatedAt: now }).where(eq(intents.id, id)).run();
    }
    for (let i = 0; i < toRemove.length; i += 500) core.db.delete(intentExamples).where(inArray(intentExamples.id, toRemove.slice(i, i + 500))).run();
    for (let i = 0; i < toAdd.length; i += 500) {
      core.db.insert(intentExamples).values(toAdd.slice(i, i + 500).map((e) => ({ id: newId(), ...e, source: 'admin' as const, createdAt: now }))).run();
    }
    const { errors: _none, ...summary } = report;
    recordAudit(core, actor, 'ai.intents.import', { type: 'intent' }, { ...summary, applied: true });
  });
  report.applied = true;
  await store.retrain();
  return report;
}

