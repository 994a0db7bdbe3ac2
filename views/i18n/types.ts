/** A feature's translations: the same keys in English, Spanish and Brazilian Portuguese. */
export type Locale = 'en' | 'es' | 'pt-BR';
export type Messages = Record<string, string>;
export interface FeatureMessages {
  en: Messages;
  es: Messages;
  'pt-BR': Messages;
}
