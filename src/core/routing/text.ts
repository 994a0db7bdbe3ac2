/**
 * Text helpers for routing rules: accent-insensitive normalisation, a tiny es/pt/en language
 * detector (stop-word and letter hints), and rule regexes run with RE2 semantics (re2js, linear
 * time in the text: no pattern can freeze the server, whatever a customer writes).
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';

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

/** What RE2 cannot express, recognised before compiling so the message says what to change. */
const UNSUPPORTED: Array<[RegExp, string]> = [
  [/\\[1-9]|\\k</, 'Back-references are not allowed'],
  [/\(\?<?[=!]/, 'Lookahead and lookbehind like (?=…) or (?<!…) are not supported: rules use linear-time matching'],
];

/** RE2's syntax errors that have a clearer message of ours (the rest become "Invalid pattern: …"). */
const SYNTAX_MESSAGES: Array<[string, string]> = [
  ['invalid nested repetition operator', 'A repetition cannot directly repeat another (a++, a*+); group it instead: (a+)+'],
  ['invalid repeat count', 'Repetition counts above 1000 are not supported'],
];

const compiled = new Map<string, RE2JS>();
const MAX_COMPILED = 500;

/**
 * Compiles a rule pattern (accents stripped, case-insensitive) with RE2 semantics, or returns why
 * it cannot be one: too long, a back-reference or lookaround (not expressible in linear time), or
 * invalid syntax. Compiled patterns are cached (a few hundred, oldest dropped first).
 */
export function compileRulePattern(pattern: string): { regex: RE2JS } | { reason: string } {
  if (pattern.length > MAX_PATTERN_LENGTH) return { reason: `The pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  const cached = compiled.get(pattern);
  if (cached) return { regex: cached };
  for (const [test, reason] of UNSUPPORTED) if (test.test(pattern)) return { reason };
  try {
    const regex = RE2JS.compile(stripAccents(pattern), RE2JS.CASE_INSENSITIVE);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(pattern, regex);
    return { regex };
  } catch (error) {
    const description = error instanceof RE2JSSyntaxException ? error.getDescription() : (error as Error).message;
    const known = SYNTAX_MESSAGES.find(([prefix]) => description.startsWith(prefix));
    return { reason: known ? known[1] : `Invalid pattern: ${description}` };
  }
}

/** Why a pattern cannot be a rule regex (see `compileRulePattern`), or null when it can. */
export function unsafePatternReason(pattern: string): string | null {
  const result = compileRulePattern(pattern);
  return 'reason' in result ? result.reason : null;
}

/**
 * Tests a rule pattern against the first MAX_MATCH_INPUT characters of `text`, accent- and
 * case-insensitively, in time linear in the text. An invalid pattern matches nothing.
 */
export function safeRegexTest(pattern: string, text: string): boolean {
  const result = compileRulePattern(pattern);
  return 'regex' in result && result.regex.matcher(stripAccents(text.slice(0, MAX_MATCH_INPUT))).find();
}
