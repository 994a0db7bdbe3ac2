/** Inbox panes on every screen size: the contact pane toggle, the thread header's menu, bulk actions, print. */
import type { FeatureMessages } from './types';

export const inboxPanes: FeatureMessages = {
  en: {
    'panes.contact.open': 'Contact details',
    'panes.contact.close': 'Close contact details',
  },
  es: {
    'panes.contact.open': 'Datos del contacto',
    'panes.contact.close': 'Cerrar los datos del contacto',
  },
  'pt-BR': {
    'panes.contact.open': 'Dados do contato',
    'panes.contact.close': 'Fechar os dados do contato',
  },
};
