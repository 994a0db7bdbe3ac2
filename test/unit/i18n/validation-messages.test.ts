/** Core's English messages are translated at the page edge: keys, lookups, and coverage of the source. */
import { describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import { z } from 'zod';
import { localizeIssue, localizeMessage, plural, translator } from '../../../views/i18n';
import { validation } from '../../../views/i18n/validation';

const es = translator('es');
const pt = translator('pt-BR');
const en = translator('en');

describe('validation messages', () => {
  test('every English value is its key without the v: prefix', () => {
    const wrong = Object.entries(validation.en).filter(([key, value]) => !key.startsWith('v:') || key.slice(2) !== value);
    expect(wrong).toEqual([]);
  });

  test('exact messages are translated; English and unknown messages are unchanged', () => {
    expect(localizeMessage(es, 'Use at least 10 characters')).toBe('Usa al menos 10 caracteres');
    expect(localizeMessage(pt, 'A user with this email already exists')).toBe('Já existe um usuário com este e-mail');
    expect(localizeMessage(en, 'Use at least 10 characters')).toBe('Use at least 10 characters');
    expect(localizeMessage(es, 'Something nobody translated')).toBe('Something nobody translated');
  });

  test('messages with a variable part keep that part', () => {
    expect(localizeMessage(es, 'Already taken by Ana Gómez')).toBe('Ana Gómez ya la tomó');
    expect(localizeMessage(pt, 'The shortcut /hola is already used')).toBe('O atalho /hola já está em uso');
    expect(localizeMessage(es, 'Conversation not found')).toBe('No se encontró la conversación');
    expect(localizeMessage(es, 'Gizmo not found')).toBe('No se encontró: Gizmo');
    expect(localizeMessage(es, 'Line 4: Write the answer')).toBe('Línea 4: Escribe la respuesta');
    expect(localizeMessage(es, 'In Ventas only the assigned agent can reply. Assign this conversation to yourself to reply.'))
      .toBe('En Ventas solo el agente asignado puede responder. Asígnate esta conversación para responder.');
  });

  test('every literal message core, channels, AI and the pages produce has a Spanish translation', async () => {
    const root = join(import.meta.dir, '..', '..', '..');
    const quoted = String.raw`'((?:[^'\\\n]|\\.)*)'`;
    const literal = String.raw`(?:${quoted}|\x60((?:[^\x60\\]|\\.)*)\x60)`;
    const sources = [
      new RegExp(String.raw`\bfail\.(\w+)\(\s*${literal}`, 'g'),
      new RegExp(String.raw`\.()(?:min|max|length|regex|email|url|refine|int)\((?:[^()'\x60\n]|\/[^\/\n]+\/[a-z]*)*,\s*(?:\{\s*message:\s*)?${literal}`, 'g'),
      new RegExp(String.raw`\bmessage:()\s*${quoted}`, 'g'),
    ];
    const untranslated: string[] = [];
    let checked = 0;
    for await (const file of new Bun.Glob('src/{core,channels,ai,http}/**/*.ts').scan(root)) {
      if (file.startsWith('src/http/api/')) continue; // the API answers developers in English
      const text = await Bun.file(join(root, file)).text();
      for (const pattern of sources) {
        for (const match of text.matchAll(pattern)) {
          const raw = (match[2] ?? match[3] ?? '').replace(/\\'/g, "'").replace(/\$\{[^}]*\}+/g, 'Xyz');
          const message = match[1] === 'notFound' ? `${raw} not found` : raw;
          if (!/^[A-Z]/.test(message)) continue;
          checked++;
          if (localizeMessage(es, message) === message) untranslated.push(`${file}: ${message}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100); // the scan still finds the messages
    expect(untranslated).toEqual([]);
  });
});

describe('zod issues are worded from their codes, with plural rules', () => {
  const issuesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues;
  const first = (schema: z.ZodType, value: unknown) => issuesOf(schema, value)[0]!;

  test('limits, missing and mistyped values, formats', () => {
    expect(localizeIssue(pt, first(z.string().min(8), 'abc'))).toBe('Escreva pelo menos 8 caracteres');
    expect(localizeIssue(es, first(z.string().max(1), 'abc'))).toBe('Escribe como máximo 1 carácter');
    expect(localizeIssue(en, first(z.array(z.string()).max(3), ['a', 'b', 'c', 'd']))).toBe('Choose at most 3 items');
    expect(localizeIssue(es, first(z.number().max(10), 11))).toBe('Usa un número menor o igual que 10');
    expect(localizeIssue(pt, first(z.object({ name: z.string() }), {}))).toBe('Preencha este campo');
    expect(localizeIssue(es, first(z.coerce.number(), 'abc'))).toBe('Escribe un número');
    expect(localizeIssue(pt, first(z.string().email(), 'x'))).toBe('E-mail inválido');
  });

  test('a custom message is a core message, translated as such (not re-worded from its code)', () => {
    expect(localizeIssue(es, first(z.string().min(10, 'Use at least 10 characters'), 'abc'))).toBe('Usa al menos 10 caracteres');
  });

  test('plural categories follow each language: pt-BR says "0 caractere", en and es "0 characters/caracteres"', () => {
    expect(plural(pt, 'issue.too_small.string', 0)).toBe('Escreva pelo menos 0 caractere');
    expect(plural(en, 'issue.too_small.string', 0)).toBe('Write at least 0 characters');
    expect(plural(es, 'issue.too_small.string', 1)).toBe('Escribe al menos 1 carácter');
    expect(plural(es, 'issue.too_small.string', 2)).toBe('Escribe al menos 2 caracteres');
  });
});
