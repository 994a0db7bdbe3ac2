/**
 * The one entry point the rest of the app uses for intent classification. It always answers:
 *
 * 1. `start()` trains the embedded backend synchronously (milliseconds) so `classify()` works at once;
 * 2. if a model folder exists (`<modelsDir>/<modelId>/config.json`, or the first such folder
 *    when no id is configured) it loads and trains the transformer backend in the background;
 * 3. `classify()` uses the transformer once it is trained, the embedded backend before that, and
 *    falls back to the embedded backend if the transformer throws.
 *
 * `status()` says which backend is active and why, for the admin page and logs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../lib/logger';
import { EmbeddedClassifier, type EmbeddedClassifierOptions } from './embedded-classifier';
import { TransformerClassifier, type TransformerClassifierOptions } from './transformer-classifier';
import type { Classification, ClassifierBackend, IntentExample } from './types';

/** Options of the classifier service. */
export interface ClassifierServiceOptions {
  /** Data folder; models are looked up in `<dataDir>/models` unless `modelsDir` is given. */
  dataDir: string;
  /** Folder holding one sub-folder per model (config.modelsDir, TURNO_MODELS_DIR). */
  modelsDir?: string;
  /** Model sub-folder to use; default: the first folder (by name) holding a config.json. */
  modelId?: string;
  /** Passed to the transformer backend (default false: never download). */
  allowRemoteModels?: boolean;
  embedded?: EmbeddedClassifierOptions;
  transformer?: Partial<Omit<TransformerClassifierOptions, 'modelsDir' | 'modelId' | 'allowRemoteModels'>>;
  logger?: Logger;
}

/** What the service is doing, for display and logs. */
export interface ClassifierStatus {
  active: ClassifierBackend;
  reason: string;
  transformer: 'absent' | 'loading' | 'training' | 'ready' | 'failed';
  modelPath: string | null;
  error: string | null;
  /** The active backend's confidence below which it answers "unknown" (fitted at each training). */
  minConfidence: number;
}

/**
 * Finds the model folder to use in `modelsDir`, or null: `modelId` when given, else the first
 * folder (by name) holding a config.json, either directly (`<name>/`) or as a Hub id as written by
 * `turno models pull` (`<owner>/<name>/`).
 */
export function findModelFolder(modelsDir: string, modelId?: string): string | null {
  if (modelId) return existsSync(join(modelsDir, modelId, 'config.json')) ? modelId : null;
  const subdirs = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : []);
  for (const name of subdirs(modelsDir)) {
    if (existsSync(join(modelsDir, name, 'config.json'))) return name;
    const nested = subdirs(join(modelsDir, name)).find((n) => existsSync(join(modelsDir, name, n, 'config.json')));
    if (nested) return `${name}/${nested}`;
  }
  return null;
}

/** Picks and runs the classifier backends; see the file comment. */
export class ClassifierService {
  readonly embedded: EmbeddedClassifier;
  readonly transformer: TransformerClassifier | null;
  private examples: IntentExample[] = [];
  private transformerPhase: ClassifierStatus['transformer'];
  private transformerError: string | null = null;
  private transformerTrained = false;
  private background: Promise<boolean> = Promise.resolve(false);

  /** Where model folders are looked up. */
  get modelsDir(): string {
    return this.opts.modelsDir ?? join(this.opts.dataDir, 'models');
  }

  constructor(private readonly opts: ClassifierServiceOptions) {
    this.embedded = new EmbeddedClassifier(opts.embedded);
    const modelsDir = this.modelsDir;
    const modelId = findModelFolder(modelsDir, opts.modelId);
    this.transformer = modelId
      ? new TransformerClassifier({ ...opts.transformer, modelsDir, modelId, allowRemoteModels: opts.allowRemoteModels })
      : null;
    this.transformerPhase = this.transformer ? 'loading' : 'absent';
  }

  /**
   * Trains the embedded backend on `examples` (awaited) and starts loading + training the
   * transformer backend in the background (not awaited; see `whenTransformerSettled`).
   */
  async start(examples: IntentExample[]): Promise<void> {
    this.examples = examples;
    await this.embedded.train(examples);
    if (this.transformer) this.background = this.trainTransformer();
  }

  /** Resolves once the background transformer work ends: true if it is ready, false otherwise. */
  whenTransformerSettled(): Promise<boolean> {
    return this.background;
  }

  /**
   * Replaces the training examples: the embedded backend is retrained before this resolves; the
   * transformer (if loaded or loading) retrains in the background and keeps its old training
   * meanwhile.
   */
  async retrain(examples: IntentExample[]): Promise<void> {
    this.examples = examples;
    await this.embedded.train(examples);
    if (this.transformer && this.transformerPhase !== 'failed') {
      this.background = this.background.then(() => this.trainTransformer());
    }
  }

  private async trainTransformer(): Promise<boolean> {
    const t = this.transformer!;
    const log = this.opts.logger;
    try {
      const t0 = performance.now();
      if (!t.ready) {
        this.transformerPhase = 'loading';
        await t.load();
      }
      this.transformerPhase = 'training';
      const examples = this.examples;
      await t.train(examples);
      this.transformerTrained = true;
      this.transformerPhase = 'ready';
      log?.info('ai: transformer classifier ready', { model: t.modelPath, dim: t.dim, ms: Math.round(performance.now() - t0) });
      return true;
    } catch (err) {
      this.transformerPhase = 'failed';
      this.transformerError = err instanceof Error ? err.message : String(err);
      log?.warn('ai: transformer classifier unavailable, using embedded', { model: t.modelPath, error: err });
      return false;
    }
  }

  /** Which backend answers now, and why. */
  status(): ClassifierStatus {
    const modelPath = this.transformer?.modelPath ?? null;
    const active = this.transformer && this.transformerTrained ? this.transformer : this.embedded;
    const base = { transformer: this.transformerPhase, modelPath, error: this.transformerError, minConfidence: active.thresholds.minConfidence };
    if (!this.transformer) {
      return { ...base, active: 'embedded', reason: `no model folder in ${this.modelsDir}` };
    }
    if (this.transformerTrained) return { ...base, active: 'transformer', reason: `model loaded from ${modelPath}` };
    if (this.transformerPhase === 'failed') {
      return { ...base, active: 'embedded', reason: `model failed to load: ${this.transformerError}` };
    }
    return { ...base, active: 'embedded', reason: `model ${this.transformerPhase} in background` };
  }

  /** Classifies with the best available backend; never rejects once `start()` has resolved. */
  async classify(text: string): Promise<Classification> {
    if (this.transformer && this.transformerTrained) {
      try {
        return await this.transformer.classify(text);
      } catch (err) {
        this.opts.logger?.warn('ai: transformer classify failed, falling back to embedded', { error: err });
      }
    }
    return this.embedded.classify(text);
  }
}
