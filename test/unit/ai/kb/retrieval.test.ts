import { expect, test } from 'bun:test';
import { calibratedConfidence, KbRetriever } from '../../../../src/ai/kb/retriever';
import type { KbArticle } from '../../../../src/ai/kb/articles';

const article = (id: string, questions: string[], language = 'es'): KbArticle => ({
  id, title: questions[0]!, questions, answer: `answer ${id}`, language, tags: [], enabled: true, createdAt: 0, updatedAt: 0,
});
const kb = new KbRetriever([
  article('hours', ['cual es el horario de atencion', 'a que hora abren', 'abren los domingos']),
  article('shipping', ['hacen envios al interior', 'cuanto cuesta el envio']),
  article('horas', ['qual o horario de atendimento', 'que horas abre'], 'pt'),
]);

test('the closest article wins with a high confidence for a paraphrase', () => {
  const [best] = kb.search('hola a que hora abren hoy?', { language: 'es' });
  expect(best!.article.id).toBe('hours');
  expect(best!.confidence).toBeGreaterThan(0.5);
});

test('an unrelated question stays below a 0.4 threshold', () => {
  const [best] = kb.search('mi tarjeta fue rechazada', { language: 'es' });
  expect(best?.confidence ?? 0).toBeLessThan(0.4);
});

test('the language filter keeps only articles in that language', () => {
  expect(kb.search('que horas abre', { language: 'pt' }).map((h) => h.article.id)).toEqual(['horas']);
});

test('a close runner-up lowers the confidence; no runner-up keeps the similarity', () => {
  expect(calibratedConfidence(0.8, 0)).toBeCloseTo(0.8, 3);
  expect(calibratedConfidence(0.8, 0.8)).toBeCloseTo(0.4, 5);
  expect(calibratedConfidence(0.8, 0.75)).toBeLessThan(calibratedConfidence(0.8, 0.5));
});

test('text without known features retrieves nothing', () => {
  expect(kb.search('???', {})).toEqual([]);
});
