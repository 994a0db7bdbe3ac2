/**
 * Text helpers for routing rules: accent-insensitive normalisation, a tiny es/pt/en language
 * detector (stop-word and letter hints), and a regex guard against catastrophic backtracking.
 */

/** Lower-cases and strips accents: "Factura Pendiente" and "fáctura pendiente" compare equal. */
export function normalizeText(text: string): string {
  return stripAccents(text).toLowerCase();
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

const HINTS: Record<'es' | 'pt' | 'en', string[]> = {
  es: ['el', 'la', 'los', 'las', 'que', 'de', 'y', 'en', 'un', 'una', 'por', 'para', 'con', 'hola', 'gracias', 'quiero', 'necesito', 'tengo', 'mi', 'es', 'esta', 'pero', 'como', 'buenas', 'buenos', 'dias', 'factura', 'pedido', 'ayuda', 'cuando', 'donde', 'porque', 'muy', 'hay', 'yo', 'usted', 'puedo'],
  pt: ['o', 'os', 'as', 'que', 'de', 'e', 'em', 'um', 'uma', 'por', 'para', 'com', 'ola', 'obrigado', 'obrigada', 'quero', 'preciso', 'tenho', 'meu', 'minha', 'nao', 'voce', 'esta', 'mas', 'como', 'bom', 'dia', 'pedido', 'ajuda', 'quando', 'onde', 'porque', 'muito', 'eu', 'posso', 'do', 'da', 'no', 'na'],
  en: ['the', 'a', 'an', 'and', 'of', 'to', 'in', 'is', 'it', 'for', 'with', 'hello', 'hi', 'thanks', 'thank', 'you', 'want', 'need', 'have', 'my', 'i', 'but', 'how', 'good', 'morning', 'order', 'help', 'when', 'where', 'why', 'very', 'can', 'please', 'this', 'what'],
};
const SETS = Object.fromEntries(Object.entries(HINTS).map(([k, v]) => [k, new Set(v)])) as Record<keyof typeof HINTS, Set<string>>;

/** Best guess among es/pt/en, or null when the text gives no clue. */
export function detectLanguage(text: string): 'es' | 'pt' | 'en' | null {
  const raw = text.toLowerCase();
  const score = { es: 0, pt: 0, en: 0 };
  if (/[ñ¿¡]/.test(raw)) score.es += 2;
  if (/[ãõç]|ções|ção\b/.test(raw)) score.pt += 2;
  for (const word of normalizeText(text).split(/[^\p{L}]+/u)) {
    for (const lang of ['es', 'pt', 'en'] as const) if (word && SETS[lang].has(word)) score[lang]++;
  }
  const best = (Object.entries(score) as Array<['es' | 'pt' | 'en', number]>).sort((a, b) => b[1] - a[1]);
  return best[0]![1] > 0 && best[0]![1] > best[1]![1] ? best[0]![0] : null;
}

export const MAX_PATTERN_LENGTH = 200;
export const MAX_MATCH_INPUT = 4096;

/**
 * Rejects patterns that can backtrack catastrophically (nested quantifiers like `(a+)+`,
 * quantified groups containing alternation, back-references) or are too long. Returns an error
 * message, or null when the pattern is safe to run on (truncated) message text.
 */
export function unsafePatternReason(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `The pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    return `Invalid pattern: ${(error as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'Back-references are not allowed';
  // A group that contains a quantifier or alternation and is itself quantified: (a+)+, (a|aa)*, (\w*){2,}
  if (/\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\}|\|)(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,?\d*\})/.test(pattern)) {
    return 'Nested repetition like (a+)+ or (a|b)* can freeze the server; simplify the pattern';
  }
  return null;
}

/** Tests a (pre-validated) pattern against text, accent-insensitively and case-insensitively. */
export function safeRegexTest(pattern: string, text: string): boolean {
  if (unsafePatternReason(pattern)) return false;
  return new RegExp(stripAccents(pattern), 'iu').test(stripAccents(text.slice(0, MAX_MATCH_INPUT)));
}
