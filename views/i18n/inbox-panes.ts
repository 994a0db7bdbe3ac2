/** Inbox panes on every screen size: the contact pane toggle, the thread header's menu, bulk actions, print. */
import type { FeatureMessages } from './types';

export const inboxPanes: FeatureMessages = {
  en: {
    'panes.contact.open': 'Contact details',
    'panes.contact.close': 'Close contact details',
    'transcript.open': 'Transcript', 'transcript.title': 'Conversation with {name}', 'transcript.back': 'Back to the conversation',
    'transcript.print': 'Print or save as PDF', 'transcript.phone': 'Phone', 'transcript.conversation': 'Conversation',
    'transcript.period': 'Period', 'transcript.empty': 'No messages yet.',
    'transcript.hint': 'Every message exchanged with the customer; internal notes are not included.',
  },
  es: {
    'panes.contact.open': 'Datos del contacto',
    'panes.contact.close': 'Cerrar los datos del contacto',
    'transcript.open': 'Transcripción', 'transcript.title': 'Conversación con {name}', 'transcript.back': 'Volver a la conversación',
    'transcript.print': 'Imprimir o guardar como PDF', 'transcript.phone': 'Teléfono', 'transcript.conversation': 'Conversación',
    'transcript.period': 'Período', 'transcript.empty': 'Todavía no hay mensajes.',
    'transcript.hint': 'Todos los mensajes intercambiados con el cliente; las notas internas no se incluyen.',
  },
  'pt-BR': {
    'panes.contact.open': 'Dados do contato',
    'panes.contact.close': 'Fechar os dados do contato',
    'transcript.open': 'Transcrição', 'transcript.title': 'Conversa com {name}', 'transcript.back': 'Voltar para a conversa',
    'transcript.print': 'Imprimir ou salvar como PDF', 'transcript.phone': 'Telefone', 'transcript.conversation': 'Conversa',
    'transcript.period': 'Período', 'transcript.empty': 'Ainda não há mensagens.',
    'transcript.hint': 'Todas as mensagens trocadas com o cliente; as notas internas não são incluídas.',
  },
};
