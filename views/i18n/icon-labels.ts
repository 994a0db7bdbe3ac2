/** Accessible names (and tooltips) of buttons and marks that show only an icon. */
import type { FeatureMessages } from './types';

export const iconLabels: FeatureMessages = {
  en: {
    'nav.menu': 'Menu', 'panes.remove': 'Remove', 'routing.rules.edit': 'Edit rule',
    'ai.ratings_up': 'Helpful answers', 'ai.ratings_down': 'Unhelpful answers',
  },
  es: {
    'nav.menu': 'Menú', 'panes.remove': 'Quitar', 'routing.rules.edit': 'Editar regla',
    'ai.ratings_up': 'Respuestas útiles', 'ai.ratings_down': 'Respuestas poco útiles',
  },
  'pt-BR': {
    'nav.menu': 'Menu', 'panes.remove': 'Remover', 'routing.rules.edit': 'Editar regra',
    'ai.ratings_up': 'Respostas úteis', 'ai.ratings_down': 'Respostas pouco úteis',
  },
};
