/**
 * Generates a tiny BERT-like sentence-embedding model that loads through the real transformers.js
 * code offline — used by tests and benchmarks of the transformer backend, never for production.
 *
 *   bun scripts/make-tiny-model.ts <folder> [dim]
 *
 * Layout written into <folder> (what transformers.js reads for `feature-extraction` with dtype fp32):
 *   config.json            model_type "bert"
 *   tokenizer.json         WordPiece over the default intents' words + letters/digits (and ## pieces)
 *   tokenizer_config.json  BertTokenizer special tokens
 *   onnx/model.onnx        input_ids, attention_mask (int64 [batch, seq]) →
 *                          last_hidden_state = Gather(E, input_ids) · attention_mask  [batch, seq, dim]
 * The embedding matrix E is a deterministic hash of each token (no semantics).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';
import { DEFAULT_INTENTS } from '../src/ai/default-intents';

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

/** Lower-cases, strips accents and splits on whitespace/punctuation like BertPreTokenizer. */
function bertWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/(\p{P}|\p{S})|\s+/u)
    .filter((w): w is string => !!w && w.trim() !== '');
}

/** Vocabulary: specials, single characters and their ## pieces, then every default-intent word. */
export function buildVocab(): string[] {
  const vocab = [...SPECIALS];
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (const c of chars) vocab.push(c);
  for (const c of chars) vocab.push(`##${c}`);
  for (const p of '!?.,#\'') vocab.push(p);
  const words = new Set(DEFAULT_INTENTS.flatMap((i) => i.examples.flatMap(bertWords)));
  for (const w of [...words].sort()) if (!vocab.includes(w)) vocab.push(w);
  return vocab;
}

/** FNV-1a 32-bit hash, the seed of a token's embedding. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Deterministic pseudo-random embedding in [-1, 1)^dim for `token` (mulberry32 stream). */
function tokenVector(token: string, dim: number): number[] {
  let a = fnv1a(token);
  const out: number[] = [];
  for (let d = 0; d < dim; d++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out.push((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1);
  }
  return out;
}

function tensorInfo(name: string, elemType: number, dims: Array<string | number>): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

/** Serialises the ONNX graph described in the file comment for `vocabSize` × `dim` embeddings. */
export function buildOnnxModel(vocab: string[], dim: number): Uint8Array {
  const { FLOAT, INT64 } = onnx.TensorProto.DataType;
  const weights = new Float32Array(vocab.length * dim);
  vocab.forEach((tok, i) => weights.set(tokenVector(tok, dim), i * dim));
  const axes = new BigInt64Array([2n]);
  const graph: onnx.IGraphProto = {
    name: 'tiny_bert_embeddings',
    initializer: [
      { name: 'embeddings', dataType: FLOAT, dims: [vocab.length, dim], rawData: new Uint8Array(weights.buffer) },
      { name: 'unsqueeze_axes', dataType: INT64, dims: [1], rawData: new Uint8Array(axes.buffer) },
    ],
    node: [
      { opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['token_embeddings'], name: 'gather', attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] },
      { opType: 'Cast', input: ['attention_mask'], output: ['mask_float'], name: 'cast', attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }] },
      { opType: 'Unsqueeze', input: ['mask_float', 'unsqueeze_axes'], output: ['mask_3d'], name: 'unsqueeze' },
      { opType: 'Mul', input: ['token_embeddings', 'mask_3d'], output: ['last_hidden_state'], name: 'mask' },
    ],
    input: [tensorInfo('input_ids', INT64, ['batch_size', 'sequence_length']), tensorInfo('attention_mask', INT64, ['batch_size', 'sequence_length'])],
    output: [tensorInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', dim])],
  };
  const model = onnx.ModelProto.create({
    irVersion: 7,
    producerName: 'turno-make-tiny-model',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/** tokenizer.json in the Hugging Face `tokenizers` format (BERT normaliser, WordPiece model). */
export function buildTokenizerJson(vocab: string[]): object {
  const id = (t: string) => vocab.indexOf(t);
  const special = (t: string) => ({ SpecialToken: { id: t, type_id: 0 } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content) => ({ id: id(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]'), { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((t, i) => [t, i])) },
  };
}

/** Writes the whole tiny model into `dir` (created if needed) and returns its vocabulary size. */
export function makeTinyModel(dir: string, dim = 32): { vocabSize: number; dim: number } {
  const vocab = buildVocab();
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx', 'model.onnx'), buildOnnxModel(vocab, dim));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(buildTokenizerJson(vocab)));
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: true,
    model_max_length: 128,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2));
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dim,
    vocab_size: vocab.length,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    max_position_embeddings: 128,
    pad_token_id: 0,
    'transformers.js_config': { dtype: 'fp32' },
  };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2));
  return { vocabSize: vocab.length, dim };
}

if (import.meta.main) {
  const [dir, dim] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: bun scripts/make-tiny-model.ts <folder> [dim]');
    process.exit(2);
  }
  const r = makeTinyModel(dir, dim ? Number(dim) : 32);
  console.log(`tiny model written to ${dir} (vocab ${r.vocabSize}, dim ${r.dim})`);
}
