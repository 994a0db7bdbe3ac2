/**
 * Transformer backend: a local sentence-embedding model run by @huggingface/transformers
 * (onnxruntime-node underneath), mean-pooled and L2-normalised, then few-shot scoring (few-shot.ts)
 * over cosine similarities and the same calibration as the embedded backend (calibration.ts): a
 * softmax temperature and an unknown threshold fitted on leave-one-out answers.
 *
 * Embeddings are cached per example text, so retraining after one new example embeds one text.
 * Training never builds the n × n similarity matrix: the calibration uses the leave-one-out
 * answers of at most `CALIBRATION_ROWS` examples (spread over the set), O(n) memory.
 *
 * The model is read from `<modelsDir>/<modelId>/` (config.json, tokenizer files, onnx/model*.onnx).
 * Nothing is downloaded unless `allowRemoteModels` is set. Loading takes from ~100 ms (test model)
 * to seconds (real models), so it is explicit (`load()`) and observable (`state`); the service
 * (classifier-service.ts) keeps it off the request path.
 *
 * Caveat: transformers.js configuration (`env`) is process-global; the last classifier created
 * decides `env.localModelPath` and `env.allowRemoteModels`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { decide, emptyClassification, fitConfidenceThreshold, fitTemperature, softmax } from './calibration';
import { FewShotScorer, type FewShotMethod } from './few-shot';
import type { Classification, IntentClassifier, IntentExample, UnknownThresholds } from './types';

process.env.ORT_DISABLE_TELEMETRY = '1';

/** Options of the transformer backend. */
export interface TransformerClassifierOptions {
  /** Folder holding one sub-folder per model (`<dataDir>/models`). */
  modelsDir: string;
  /** Sub-folder name of the model (also its Hub id when remote models are allowed). */
  modelId: string;
  /** Allow transformers.js to download from the Hub when files are missing. Default false. */
  allowRemoteModels?: boolean;
  /** ONNX weights variant; default: `fp32` if onnx/model.onnx exists, else `q8` if onnx/model_quantized.onnx exists. */
  dtype?: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
  method?: FewShotMethod;
  /** Fixed unknown thresholds; without them `minConfidence` is fitted at each training. */
  thresholds?: UnknownThresholds;
  /** Precision the answered leave-one-out answers must reach (fits `minConfidence`). Default 0.92. */
  targetPrecision?: number;
  /** Texts embedded per model call during training. Default 32. */
  batchSize?: number;
}

/** Load state of the model. */
export type ModelState = 'idle' | 'loading' | 'ready' | 'failed';

/** Defaults (k-NN; the similarity floor is model dependent, the confidence floor is fitted). */
export const TRANSFORMER_DEFAULTS = {
  method: { kind: 'knn', k: 3 } as FewShotMethod,
  minSimilarity: 0.3,
  targetPrecision: 0.92,
};

/** Most leave-one-out answers computed to calibrate (each costs one pass over the examples). */
export const CALIBRATION_ROWS = 1000;

type Extractor = (texts: string[], opts: { pooling: 'mean'; normalize: boolean }) => Promise<{ dims: number[]; data: ArrayLike<number> }>;

interface Trained {
  vectors: Float32Array[];
  scorer: FewShotScorer;
  temperature: number;
  minConfidence: number;
}

/** Few-shot classifier over sentence embeddings; see the file comment. */
export class TransformerClassifier implements IntentClassifier {
  readonly backend = 'transformer' as const;
  thresholds: UnknownThresholds;
  state: ModelState = 'idle';
  /** Why loading failed, when `state === 'failed'`. */
  error: Error | null = null;
  /** Embedding size, known once loaded. */
  dim = 0;
  private extractor: Extractor | null = null;
  private loading: Promise<void> | null = null;
  private trained: Trained | null = null;
  private readonly method: FewShotMethod;
  /** Embedding of each training text of the last `train`. */
  private cache = new Map<string, Float32Array>();

  constructor(private readonly opts: TransformerClassifierOptions) {
    this.method = opts.method ?? TRANSFORMER_DEFAULTS.method;
    this.thresholds = { ...(opts.thresholds ?? { minConfidence: 0, minSimilarity: TRANSFORMER_DEFAULTS.minSimilarity }) };
  }

  /** True once the model is loaded and embeddings can be computed. */
  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Softmax temperature fitted by the last `train` (0 before). */
  get temperature(): number {
    return this.trained?.temperature ?? 0;
  }

  /** Folder the model is read from. */
  get modelPath(): string {
    return join(this.opts.modelsDir, this.opts.modelId);
  }

  /**
   * Loads tokenizer and ONNX session (once; concurrent calls share the same promise). Rejects and
   * sets `state = 'failed'` when files are missing or onnxruntime cannot start.
   */
  load(): Promise<void> {
    this.loading ??= this.doLoad().catch((err: unknown) => {
      this.state = 'failed';
      this.error = err instanceof Error ? err : new Error(String(err));
      throw this.error;
    });
    return this.loading;
  }

  private async doLoad(): Promise<void> {
    this.state = 'loading';
    const { env, pipeline } = await import('@huggingface/transformers');
    const allowRemote = this.opts.allowRemoteModels ?? false;
    env.allowLocalModels = true;
    env.allowRemoteModels = allowRemote;
    env.localModelPath = this.opts.modelsDir.endsWith('/') ? this.opts.modelsDir : `${this.opts.modelsDir}/`;
    if (allowRemote) env.cacheDir = this.opts.modelsDir;
    const pipe = await pipeline('feature-extraction', this.opts.modelId, {
      local_files_only: !allowRemote,
      dtype: this.opts.dtype ?? this.detectDtype(),
    });
    this.extractor = pipe as unknown as Extractor;
    const probe = await this.extractor(['ok'], { pooling: 'mean', normalize: true });
    this.dim = probe.dims[probe.dims.length - 1]!;
    this.state = 'ready';
  }

  private detectDtype(): 'fp32' | 'q8' {
    if (existsSync(join(this.modelPath, 'onnx', 'model.onnx'))) return 'fp32';
    if (existsSync(join(this.modelPath, 'onnx', 'model_quantized.onnx'))) return 'q8';
    return 'fp32';
  }

  /** Mean-pooled, L2-normalised embeddings of `texts` (loads the model first if needed). */
  async embed(texts: string[]): Promise<Float32Array[]> {
    await this.load();
    const out: Float32Array[] = [];
    const batch = this.opts.batchSize ?? 32;
    for (let s = 0; s < texts.length; s += batch) {
      const t = await this.extractor!(texts.slice(s, s + batch), { pooling: 'mean', normalize: true });
      const dim = t.dims[t.dims.length - 1]!;
      const data = Float32Array.from(t.data as ArrayLike<number>);
      for (let r = 0; r * dim < data.length; r++) out.push(data.subarray(r * dim, (r + 1) * dim));
    }
    return out;
  }

  /**
   * Embeds the examples and fits the calibration (loads the model first if needed). The previous
   * training keeps answering `classify` until the new one is complete.
   */
  async train(examples: IntentExample[]): Promise<void> {
    const texts = [...new Set(examples.map((e) => e.text))];
    const missing = texts.filter((t) => !this.cache.has(t));
    const fresh = await this.embed(missing);
    const cache = new Map(texts.map((t) => [t, this.cache.get(t)!]));
    missing.forEach((t, i) => cache.set(t, fresh[i]!));
    this.cache = cache;
    const vectors = examples.map((e) => cache.get(e.text)!);
    const labels = examples.map((e) => e.intent);
    const scorer = new FewShotScorer(labels, (i, j) => dot(vectors[i]!, vectors[j]!), this.method);
    const pos = new Map(scorer.intents.map((id, i) => [id, i]));
    const step = Math.max(1, vectors.length / CALIBRATION_ROWS);
    const rows: Array<{ scores: Float64Array; truth: number }> = [];
    for (let r = 0; r < vectors.length; r += step) {
      const i = Math.floor(r);
      rows.push({ scores: scorer.score(vectors.map((w) => dot(vectors[i]!, w)), i).scores, truth: pos.get(labels[i]!)! });
    }
    const temperature = fitTemperature(rows);
    const minConfidence = fitConfidenceThreshold(rows.map((row) => {
      const p = softmax(row.scores, temperature);
      const best = p.indexOf(Math.max(...p));
      return { confidence: p[best]!, correct: best === row.truth };
    }), this.opts.targetPrecision ?? TRANSFORMER_DEFAULTS.targetPrecision);
    this.trained = { vectors, scorer, temperature, minConfidence };
    if (!this.opts.thresholds) this.thresholds.minConfidence = minConfidence;
  }

  /** Classifies `text`; throws if `train` has not completed. */
  async classify(text: string): Promise<Classification> {
    const trained = this.trained;
    if (!trained) throw new Error('TransformerClassifier.classify called before train()');
    if (text.trim() === '') return emptyClassification(this.backend);
    const [q] = await this.embed([text]);
    const sims = trained.vectors.map((v) => dot(q!, v));
    const { scores, maxSimilarity } = trained.scorer.score(sims);
    return decide(trained.scorer.intents, softmax(scores, trained.temperature), maxSimilarity, this.thresholds, this.backend);
  }
}

/** Dot product of two dense vectors of the same length. */
function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
