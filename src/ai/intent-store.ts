/**
 * Intents and their training phrases live in the database (tables `intents`, `intent_examples`).
 * `IntentStore` seeds the default intents on first start (idempotent: an intent id already present
 * is never re-seeded, so examples an admin deleted stay deleted), trains the shared
 * `ClassifierService` from the enabled intents' examples, and retrains it after every change made
 * through it. Every admin change is audited.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { intentExamples, intents } from '../db/schema';
import { EXAMPLE_SOURCES } from '../db/schema/ai';
import { transaction } from '../db/client';
import { newId } from '../lib/ids';
import { recordAudit } from '../core/audit';
import type { Core } from '../core/context';
import { fail } from '../core/errors';
import { getTeamOrThrow } from '../core/teams';
import type { Actor } from '../core/types';
import type { ClassifierService } from './classifier-service';
import { DEFAULT_INTENTS } from './default-intents';
import type { Classification, IntentExample } from './types';

export type Intent = typeof intents.$inferSelect;
export type IntentExampleRow = typeof intentExamples.$inferSelect;
export type ExampleSource = (typeof EXAMPLE_SOURCES)[number];

export const exampleTextSchema = z.string().trim().min(1, 'Write the example phrase').max(500, 'Keep examples under 500 characters');

export const intentSettingsSchema = z.object({
  targetTeamId: z.string().min(1).nullable(),
  labels: z.array(z.string().trim().min(1).max(60)).max(20),
  priority: z.number().int().min(0).max(100),
  enabled: z.boolean(),
});
export type IntentSettings = z.infer<typeof intentSettingsSchema>;

/**
 * Inserts the default intents that are not in the table yet, with their seed examples. Safe to
 * call at every start. Returns the ids it inserted.
 */
export function seedDefaultIntents(core: Core): string[] {
  const now = core.clock.now();
  return transaction(core.db, () => {
    const inserted: string[] = [];
    DEFAULT_INTENTS.forEach((d, position) => {
      const rows = core.db.insert(intents).values({
        id: d.id, names: { en: d.names.en, es: d.names.es, pt: d.names.pt }, labels: [], priority: 0,
        enabled: true, position, createdAt: now, updatedAt: now,
      }).onConflictDoNothing().returning({ id: intents.id }).all();
      if (rows.length === 0) return;
      inserted.push(d.id);
      core.db.insert(intentExamples).values(d.examples.map((text) => ({ id: newId(), intentId: d.id, text, source: 'seed' as const, createdAt: now }))).run();
    });
    return inserted;
  });
}

/** All intents in display order. */
export function listIntents(core: Core): Intent[] {
  return core.db.select().from(intents).orderBy(asc(intents.position), asc(intents.id)).all();
}

/** One intent, or null. */
export function findIntent(core: Core, id: string): Intent | null {
  return core.db.select().from(intents).where(eq(intents.id, id)).get() ?? null;
}

/** Examples of one intent, oldest first. */
export function listExamples(core: Core, intentId: string): IntentExampleRow[] {
  return core.db.select().from(intentExamples).where(eq(intentExamples.intentId, intentId)).orderBy(asc(intentExamples.createdAt), asc(intentExamples.id)).all();
}

/** Training rows of every enabled intent. */
export function loadTrainingExamples(core: Core): IntentExample[] {
  const enabled = core.db.select({ id: intents.id }).from(intents).where(eq(intents.enabled, true)).all().map((r) => r.id);
  if (enabled.length === 0) return [];
  return core.db.select({ intent: intentExamples.intentId, text: intentExamples.text }).from(intentExamples)
    .where(inArray(intentExamples.intentId, enabled)).orderBy(asc(intentExamples.createdAt), asc(intentExamples.id)).all();
}

/** Display name of an intent in a UI locale ('pt-BR' uses the 'pt' name). */
export function intentName(intent: Pick<Intent, 'id' | 'names'>, locale: string): string {
  const key = locale.startsWith('pt') ? 'pt' : locale.slice(0, 2);
  return intent.names[key] ?? intent.names.en ?? intent.id;
}

/** Owns the training of the shared classifier from the database; see the file comment. */
export class IntentStore {
  private training: Promise<void> = Promise.resolve();
  /** Number of training examples used by the last (re)training. */
  exampleCount = 0;

  constructor(readonly core: Core, readonly classifier: ClassifierService) {}

  /** Seeds the defaults and trains the classifier (embedded now, transformer in the background). */
  async start(): Promise<void> {
    seedDefaultIntents(this.core);
    const examples = loadTrainingExamples(this.core);
    this.exampleCount = examples.length;
    this.training = this.classifier.start(examples);
    await this.training;
  }

  /** Retrains from the database; calls are serialised so the last change always wins. */
  retrain(): Promise<void> {
    this.training = this.training.catch(() => {}).then(async () => {
      const examples = loadTrainingExamples(this.core);
      this.exampleCount = examples.length;
      await this.classifier.retrain(examples);
    });
    return this.training;
  }

  /** Resolves when pending (re)training has finished. */
  whenTrained(): Promise<void> {
    return this.training;
  }

  /** Classifies `text` once training has finished. */
  async classify(text: string): Promise<Classification> {
    await this.training;
    return this.classifier.classify(text);
  }

  /** Adds a training phrase to an intent (audited) and retrains. Duplicates are refused. */
  async addExample(intentId: string, text: string, source: ExampleSource, actor: Actor | null): Promise<IntentExampleRow> {
    const clean = exampleTextSchema.parse(text);
    if (!findIntent(this.core, intentId)) throw fail.notFound('Intent');
    const duplicate = this.core.db.select({ id: intentExamples.id }).from(intentExamples)
      .where(and(eq(intentExamples.intentId, intentId), eq(intentExamples.text, clean))).get();
    if (duplicate) throw fail.conflict('This intent already has that example', { field: 'text' });
    const row: IntentExampleRow = { id: newId(), intentId, text: clean, source, createdAt: this.core.clock.now() };
    transaction(this.core.db, () => {
      this.core.db.insert(intentExamples).values(row).run();
      recordAudit(this.core, actor, 'ai.example.add', { type: 'intent', id: intentId }, { text: clean, source });
    });
    await this.retrain();
    return row;
  }

  /** Removes a training phrase (audited) and retrains. */
  async removeExample(exampleId: string, actor: Actor | null): Promise<void> {
    const row = this.core.db.select().from(intentExamples).where(eq(intentExamples.id, exampleId)).get();
    if (!row) throw fail.notFound('Example');
    transaction(this.core.db, () => {
      this.core.db.delete(intentExamples).where(eq(intentExamples.id, exampleId)).run();
      recordAudit(this.core, actor, 'ai.example.remove', { type: 'intent', id: row.intentId }, { text: row.text });
    });
    await this.retrain();
  }

  /** Changes an intent's target team, labels, priority and enabled flag (audited); retrains. */
  async updateIntent(intentId: string, input: z.input<typeof intentSettingsSchema>, actor: Actor | null): Promise<Intent> {
    const data = intentSettingsSchema.parse(input);
    if (!findIntent(this.core, intentId)) throw fail.notFound('Intent');
    if (data.targetTeamId) getTeamOrThrow(this.core, data.targetTeamId);
    transaction(this.core.db, () => {
      this.core.db.update(intents).set({ ...data, updatedAt: this.core.clock.now() }).where(eq(intents.id, intentId)).run();
      recordAudit(this.core, actor, 'ai.intent.update', { type: 'intent', id: intentId }, data);
    });
    await this.retrain();
    return findIntent(this.core, intentId)!;
  }
}
