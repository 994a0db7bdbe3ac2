/**
 * `npm run build`: compiles Turno into one executable, `dist/turno`, with static files and
 * migrations embedded as assets. The optional local-model runtime (onnxruntime-node, used by
 * @huggingface/transformers) cannot be embedded: `dist/` gets a package.json so that
 * `npm install --omit=dev` there brings it beside the binary (see docs/operations.md).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../package.json' with { type: 'json' };

const root = join(import.meta.dir, '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const args = [
  process.execPath, 'build', 'src/main.ts', '--compile', '--minify-syntax', '--minify-whitespace',
  '--outfile', join(dist, 'turno'),
  '--asset', 'static', '--asset', 'migrations',
  '--external', '@huggingface/transformers', '--external', 'onnxruntime-node',
  '--compile-autoload-package-json',
  // Precompiled bytecode: the executable skips parsing its bundle at start-up.
  '--bytecode',
];
const proc = Bun.spawnSync(args, { cwd: root, stdout: 'inherit', stderr: 'inherit' });
if (proc.exitCode !== 0) process.exit(proc.exitCode ?? 1);

writeFileSync(join(dist, 'package.json'), JSON.stringify({
  name: 'turno-runtime', private: true, version: pkg.version,
  description: 'Optional runtime beside the turno binary: the local transformer model runtime',
  dependencies: { '@huggingface/transformers': pkg.dependencies['@huggingface/transformers'] },
}, null, 2) + '\n');
console.log(`built ${join(dist, 'turno')}`);
