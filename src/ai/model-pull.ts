/**
 * Downloads a sentence-embedding model from the Hugging Face Hub into the models folder through
 * transformers.js (the only place where remote models are allowed; the server never downloads
 * unless the admin setting `ai.allowModelDownloads` is on). Files land in `<modelsDir>/<owner>/<name>/`,
 * where `ClassifierService` finds them at the next start.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A Hub model id: `owner/name` with letters, digits, `.`, `_` and `-`. */
export const HUB_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

/** A progress report from transformers.js (`progress_callback`). */
export interface PullProgress {
  status: string;
  file?: string;
  progress?: number;
  loaded?: number;
  total?: number;
}

/** Renders one progress line: `onnx/model_quantized.onnx  [#########-----------]  45%  52.1/118.3 MB`. */
export function progressLine(p: PullProgress, width = 24): string | null {
  if (p.status !== 'progress' || !p.file) return null;
  const pct = Math.max(0, Math.min(100, p.progress ?? 0));
  const filled = Math.round((pct / 100) * width);
  const mb = (n?: number) => ((n ?? 0) / 1e6).toFixed(1);
  return `${p.file.padEnd(32).slice(0, 32)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct.toFixed(0).padStart(3)}%  ${mb(p.loaded)}/${mb(p.total)} MB`;
}

/**
 * Downloads `hubId` (weights variant `dtype`) into `modelsDir` and checks that it loads. Rejects
 * with a one-line, actionable message when the Hub cannot be reached.
 */
export async function pullModel(modelsDir: string, hubId: string, opts: { dtype?: 'fp32' | 'q8'; onProgress?: (p: PullProgress) => void } = {}): Promise<string> {
  if (!HUB_ID.test(hubId)) throw new Error(`"${hubId}" is not a Hub model id (expected owner/name, e.g. Xenova/multilingual-e5-small)`);
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowLocalModels = true;
  env.allowRemoteModels = true;
  env.localModelPath = modelsDir.endsWith('/') ? modelsDir : `${modelsDir}/`;
  env.cacheDir = modelsDir;
  if (process.env.HF_ENDPOINT) env.remoteHost = process.env.HF_ENDPOINT.endsWith('/') ? process.env.HF_ENDPOINT : `${process.env.HF_ENDPOINT}/`;
  try {
    const pipe = await pipeline('feature-extraction', hubId, {
      dtype: opts.dtype ?? 'q8',
      progress_callback: (p: unknown) => opts.onProgress?.(p as PullProgress),
    });
    await (pipe as { dispose?: () => Promise<void> }).dispose?.();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`could not download ${hubId} from ${env.remoteHost} (${reason}); check internet access, or copy the model folder to ${join(modelsDir, hubId)}`);
  }
  const folder = join(modelsDir, hubId);
  if (!existsSync(join(folder, 'config.json'))) throw new Error(`download finished but ${folder}/config.json is missing`);
  return folder;
}
