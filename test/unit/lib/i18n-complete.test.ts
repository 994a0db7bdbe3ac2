import { describe, expect, test } from 'bun:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dir, '..', '..', '..', 'views', 'i18n');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'localize.ts'].includes(f));

describe('every feature is translated into English, Spanish and Portuguese', () => {
  for (const file of files) {
    test(file, async () => {
      const mod = await import(join(dir, file));
      const messages = Object.values(mod).find((v) => v && typeof v === 'object' && 'en' in (v as object)) as Record<string, Record<string, string>>;
      expect(messages).toBeDefined();
      const en = Object.keys(messages.en!).sort();
      expect(Object.keys(messages.es!).sort()).toEqual(en);
      expect(Object.keys(messages['pt-BR']!).sort()).toEqual(en);
      for (const locale of ['en', 'es', 'pt-BR']) {
        for (const [key, value] of Object.entries(messages[locale]!)) expect(`${locale}:${key}:${value.trim() === '' ? 'EMPTY' : 'ok'}`).toBe(`${locale}:${key}:ok`);
      }
    });
  }
});

describe('every literal translation key used in the code exists', () => {
  test('t("…") calls in views and http name defined keys', async () => {
    const { translator } = await import('../../../views/i18n');
    const en = translator('en');
    const root = join(import.meta.dir, '..', '..', '..');
    const glob = new Bun.Glob('{views,src/http,src/realtime}/**/*.ts');
    const missing: string[] = [];
    for await (const file of glob.scan(root)) {
      const text = await Bun.file(join(root, file)).text();
      for (const match of text.matchAll(/\bt\(\s*'([a-z][\w.-]*\.[\w.-]+)'/g)) {
        if (en(match[1]!) === match[1]) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
