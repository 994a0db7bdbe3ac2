/** Strings pushed over the realtime socket (access changes while a tab is open). */
import type { FeatureMessages } from './types';

export const realtime: FeatureMessages = {
  en: {
    'realtime.lost_access': 'This conversation was reassigned and you can no longer see it.',
  },
  es: {
    'realtime.lost_access': 'Esta conversación fue reasignada y ya no puedes verla.',
  },
  'pt-BR': {
    'realtime.lost_access': 'Esta conversa foi reatribuída e você não pode mais vê-la.',
  },
};
