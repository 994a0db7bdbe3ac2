/**
 * Optional generative answers: one call to an OpenAI-compatible `/v1/chat/completions` endpoint,
 * grounded only in the retrieved articles (they are the whole system prompt's knowledge). Off by
 * default; nothing is sent anywhere unless an admin enables it and sets the endpoint. Callers never
 * generate without retrieved articles.
 */
import { decryptSecret } from '../../lib/crypto';
import type { Core } from '../../core/context';
import { getSetting } from '../../core/settings';
import type { KbArticle } from './articles';

/** Resolved settings of the generative mode, or null when it is off or incomplete. */
export interface GenerativeConfig {
  baseUrl: string;
  model: string;
  apiKey: string;
}

/** Reads the generative settings; null when disabled or without a base URL and model. */
export function generativeConfig(core: Core): GenerativeConfig | null {
  const s = getSetting(core, 'ai.generative');
  if (!s.enabled || !s.baseUrl || !s.model) return null;
  const apiKey = s.apiKeySealed ? decryptSecret(core.config.secretKey, s.apiKeySealed) : '';
  return { baseUrl: s.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, ''), model: s.model, apiKey };
}

/** The system prompt: answer only from these articles, in the customer's language. */
export function groundedSystemPrompt(articles: KbArticle[], language: string): string {
  const sources = articles.map((a, i) => `[${i + 1}] ${a.title}\nQ: ${a.questions.join(' | ')}\nA: ${a.answer}`).join('\n\n');
  return [
    'You are a customer-service assistant on WhatsApp. Answer ONLY with information from the articles below.',
    'If they do not answer the question, reply exactly: NO_ANSWER.',
    `Reply briefly, in the customer's language (${language}), without mentioning the articles.`,
    '', 'Articles:', sources,
  ].join('\n');
}

/**
 * Asks the endpoint for an answer grounded in `articles`. Returns null when the model says it
 * cannot answer; throws on HTTP or format errors (the caller falls back to the article's answer).
 */
export async function generateAnswer(config: GenerativeConfig, articles: KbArticle[], question: string, language: string, timeoutMs = 20_000): Promise<string | null> {
  if (articles.length === 0) return null;
  const res = await fetch(`${config.baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
    body: JSON.stringify({
      model: config.model, temperature: 0,
      messages: [{ role: 'system', content: groundedSystemPrompt(articles, language) }, { role: 'user', content: question }],
    }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`generative endpoint answered HTTP ${res.status}`);
  const body = (await res.json()) as { choices?: Array<{ message?: { content?: string } }> };
  const text = body.choices?.[0]?.message?.content?.trim();
  if (!text) throw new Error('generative endpoint returned no message content');
  return text.includes('NO_ANSWER') ? null : text.slice(0, 4000);
}
