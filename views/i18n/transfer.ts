/** Assign/transfer form of the thread header: target agent or team and an optional handover note. */
import type { FeatureMessages } from './types';

export const transfer: FeatureMessages = {
  en: {
    'transfer.open': 'Assign / transfer',
    'transfer.target': 'Assign to',
    'transfer.note': 'Note for the new assignee (optional)',
    'transfer.note_hint': 'Context, what is pending…',
    'transfer.confirm': 'Assign',
    'transfer.current': 'Assigned to {name}',
  },
  es: {
    'transfer.open': 'Asignar / transferir',
    'transfer.target': 'Asignar a',
    'transfer.note': 'Nota para quien recibe (opcional)',
    'transfer.note_hint': 'Contexto, qué queda pendiente…',
    'transfer.confirm': 'Asignar',
    'transfer.current': 'Asignada a {name}',
  },
  'pt-BR': {
    'transfer.open': 'Atribuir / transferir',
    'transfer.target': 'Atribuir a',
    'transfer.note': 'Nota para quem recebe (opcional)',
    'transfer.note_hint': 'Contexto, o que está pendente…',
    'transfer.confirm': 'Atribuir',
    'transfer.current': 'Atribuída a {name}',
  },
};
