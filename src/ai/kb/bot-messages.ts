/**
 * What the bot says to customers, in the customer's language (es/pt/en; Spanish when unknown).
 * These are customer-facing texts, not UI strings, so they live here rather than in views/i18n.
 */
export type BotLanguage = 'es' | 'pt' | 'en';

const MESSAGES: Record<BotLanguage, { handoff: string; backAt: string }> = {
  es: {
    handoff: 'Te comunico con una persona de nuestro equipo; te responderá por aquí en breve.',
    backAt: 'Ahora estamos fuera de horario. Nuestro equipo vuelve el {when} y te responderá entonces.',
  },
  pt: {
    handoff: 'Vou te passar para uma pessoa da nossa equipe; ela vai te responder por aqui em breve.',
    backAt: 'Estamos fora do horário de atendimento. Nossa equipe volta em {when} e vai te responder.',
  },
  en: {
    handoff: 'I am passing you to a person on our team; they will reply here shortly.',
    backAt: 'We are closed right now. Our team is back on {when} and will reply then.',
  },
};

const LOCALES: Record<BotLanguage, string> = { es: 'es', pt: 'pt-BR', en: 'en' };

/** The hand-off message in `language`, with the reopening time when the team is closed. */
export function handoffText(language: BotLanguage, backAt: { at: number; timezone: string } | null): string {
  const m = MESSAGES[language];
  if (!backAt) return m.handoff;
  const when = new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: backAt.timezone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit',
  }).format(new Date(backAt.at));
  return m.backAt.replace('{when}', when);
}
