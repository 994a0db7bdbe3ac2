/**
 * What the customer reads inside the 24-hour window: the question, three reply buttons (bad,
 * neutral, good = scores 1, 3, 5) and the thanks. Outside the window the admin's approved template
 * speaks instead (its three quick-reply buttons map to the same scores).
 */
import type { CsatSettings } from './settings';

/** Score of each button, in button order (also the template's quick-reply order). */
export const CSAT_BUTTON_SCORES = [1, 3, 5] as const;

const TEXTS: Record<CsatSettings['language'], { question: string; buttons: [string, string, string]; thanks: string; thanksLow: string }> = {
  es: {
    question: '¿Cómo te atendimos? Elige una opción.',
    buttons: ['😞 Mal', '😐 Regular', '🙂 Bien'],
    thanks: '¡Gracias por tu respuesta! Si quieres, cuéntanos algo más en un mensaje.',
    thanksLow: 'Gracias por decírnoslo. ¿Qué podemos mejorar? Escríbenos en un mensaje.',
  },
  en: {
    question: 'How did we do? Pick one.',
    buttons: ['😞 Bad', '😐 OK', '🙂 Good'],
    thanks: 'Thanks for your answer! If you like, tell us more in a message.',
    thanksLow: 'Thanks for telling us. What could we do better? Write to us in a message.',
  },
  'pt-BR': {
    question: 'Como foi o nosso atendimento? Escolha uma opção.',
    buttons: ['😞 Ruim', '😐 Regular', '🙂 Bom'],
    thanks: 'Obrigado pela resposta! Se quiser, conte mais em uma mensagem.',
    thanksLow: 'Obrigado por nos contar. O que podemos melhorar? Escreva em uma mensagem.',
  },
};

/** The texts in a survey language. */
export function csatTexts(language: CsatSettings['language']) {
  return TEXTS[language];
}
