/** @mentions: the composer's people picker and the mention alert (bell, toast, browser notification). */
import type { FeatureMessages } from './types';

export const mentions: FeatureMessages = {
  en: {
    'alerts.mention': '{name} mentioned you in #{number}',
    'mentions.picker.label': 'Mention a colleague',
    'mentions.picker.empty': 'Nobody with that name can see this conversation',
  },
  es: {
    'alerts.mention': '{name} te mencionó en #{number}',
    'mentions.picker.label': 'Mencionar a un compañero',
    'mentions.picker.empty': 'Nadie con ese nombre puede ver esta conversación',
  },
  'pt-BR': {
    'alerts.mention': '{name} mencionou você em #{number}',
    'mentions.picker.label': 'Mencionar um colega',
    'mentions.picker.empty': 'Ninguém com esse nome pode ver esta conversa',
  },
};
