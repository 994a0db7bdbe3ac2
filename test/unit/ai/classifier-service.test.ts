import { afterEach, describe, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTinyModel } from '../../../scripts/make-tiny-model';
import { ClassifierService, findModelFolder } from '../../../src/ai/classifier-service';
import { defaultIntentExamples } from '../../../src/ai/default-intents';

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'turno-ai-svc-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ClassifierService', () => {
  test('no model folder → embedded backend, and it says why', async () => {
    const svc = new ClassifierService({ dataDir: dataDir() });
    await svc.start(defaultIntentExamples());
    expect(svc.status()).toMatchObject({ active: 'embedded', transformer: 'absent', modelPath: null });
    expect(svc.status().reason).toContain('no model folder');
    expect(await svc.whenTransformerSettled()).toBe(false);
    const c = await svc.classify('donde esta mi pedido?');
    expect(c).toMatchObject({ backend: 'embedded', intent: 'order_status' });
  });

  test('model present → embedded while loading, transformer once loaded', async () => {
    const dir = dataDir();
    makeTinyModel(join(dir, 'models', 'tiny'));
    const svc = new ClassifierService({ dataDir: dir });
    await svc.start(defaultIntentExamples());
    // start() does not wait for the model: the first answers come from the embedded backend.
    expect(svc.status().active).toBe('embedded');
    expect(svc.status().transformer).toMatch(/loading|training/);
    expect((await svc.classify('hola')).backend).toBe('embedded');

    expect(await svc.whenTransformerSettled()).toBe(true);
    expect(svc.status()).toMatchObject({ active: 'transformer', transformer: 'ready', error: null });
    expect(svc.status().modelPath).toBe(join(dir, 'models', 'tiny'));
    expect((await svc.classify('me cobraron dos veces')).backend).toBe('transformer');
  });

  test('a broken model folder → embedded, status reports the failure', async () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'models', 'broken'), { recursive: true });
    writeFileSync(join(dir, 'models', 'broken', 'config.json'), '{"model_type":"bert"}');
    const svc = new ClassifierService({ dataDir: dir });
    await svc.start(defaultIntentExamples());
    expect(await svc.whenTransformerSettled()).toBe(false);
    expect(svc.status()).toMatchObject({ active: 'embedded', transformer: 'failed' });
    expect(svc.status().error).toBeTruthy();
    expect((await svc.classify('quiero hablar con una persona')).intent).toBe('human');
  });

  test('retrain updates the embedded backend at once', async () => {
    const svc = new ClassifierService({ dataDir: dataDir() });
    await svc.start(defaultIntentExamples());
    await svc.retrain([
      { intent: 'pizza', text: 'quiero una pizza grande' },
      { intent: 'pizza', text: 'pizza de muzzarella' },
      { intent: 'other', text: 'hola' },
    ]);
    expect((await svc.classify('una pizza por favor')).intent).toBe('pizza');
  });

  test('findModelFolder picks the configured id or the first folder with a config.json', () => {
    const dir = dataDir();
    const models = join(dir, 'models');
    expect(findModelFolder(models)).toBeNull();
    mkdirSync(join(models, 'b'), { recursive: true });
    mkdirSync(join(models, 'a-empty'), { recursive: true });
    writeFileSync(join(models, 'b', 'config.json'), '{}');
    expect(findModelFolder(models)).toBe('b');
    expect(findModelFolder(models, 'a-empty')).toBeNull();
  });
});
