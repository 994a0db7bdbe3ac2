/** Inbox panes on every screen size: the contact pane toggle, the thread header's menu, bulk actions, print. */
import type { FeatureMessages } from './types';

export const inboxPanes: FeatureMessages = {
  en: {
    'panes.contact.open': 'Contact details',
    'panes.contact.close': 'Close contact details',
    'bulk.title': 'Selected:', 'bulk.select': 'Select the conversation with {name}', 'bulk.assign_to': 'Assign to', 'bulk.assign': 'Assign',
    'bulk.me': 'Me ({name})', 'bulk.team': 'Team {name}', 'bulk.unassign': 'Nobody (unassign)', 'bulk.label': 'Add label',
    'bulk.snooze': 'Snooze until they reply', 'bulk.done': '{count} conversations updated', 'bulk.done.one': '1 conversation updated',
    'bulk.pick_some': 'Tick at least one conversation first.', 'bulk.pick_label': 'Choose a label to add.',
    'shortcuts.open': 'Keyboard shortcuts (?)',
    'transcript.open': 'Transcript', 'transcript.title': 'Conversation with {name}', 'transcript.back': 'Back to the conversation',
    'transcript.print': 'Print or save as PDF', 'transcript.phone': 'Phone', 'transcript.conversation': 'Conversation',
    'transcript.period': 'Period', 'transcript.empty': 'No messages yet.',
    'transcript.hint': 'Every message exchanged with the customer; internal notes are not included.',
  },
  es: {
    'panes.contact.open': 'Datos del contacto',
    'panes.contact.close': 'Cerrar los datos del contacto',
    'bulk.title': 'Seleccionadas:', 'bulk.select': 'Seleccionar la conversación con {name}', 'bulk.assign_to': 'Asignar a', 'bulk.assign': 'Asignar',
    'bulk.me': 'A mí ({name})', 'bulk.team': 'Equipo {name}', 'bulk.unassign': 'Nadie (quitar asignación)', 'bulk.label': 'Añadir etiqueta',
    'bulk.snooze': 'Posponer hasta que responda', 'bulk.done': '{count} conversaciones actualizadas', 'bulk.done.one': '1 conversación actualizada',
    'bulk.pick_some': 'Marca al menos una conversación primero.', 'bulk.pick_label': 'Elige la etiqueta que quieres añadir.',
    'shortcuts.open': 'Atajos de teclado (?)',
    'transcript.open': 'Transcripción', 'transcript.title': 'Conversación con {name}', 'transcript.back': 'Volver a la conversación',
    'transcript.print': 'Imprimir o guardar como PDF', 'transcript.phone': 'Teléfono', 'transcript.conversation': 'Conversación',
    'transcript.period': 'Período', 'transcript.empty': 'Todavía no hay mensajes.',
    'transcript.hint': 'Todos los mensajes intercambiados con el cliente; las notas internas no se incluyen.',
  },
  'pt-BR': {
    'panes.contact.open': 'Dados do contato',
    'panes.contact.close': 'Fechar os dados do contato',
    'bulk.title': 'Selecionadas:', 'bulk.select': 'Selecionar a conversa com {name}', 'bulk.assign_to': 'Atribuir a', 'bulk.assign': 'Atribuir',
    'bulk.me': 'Eu ({name})', 'bulk.team': 'Equipe {name}', 'bulk.unassign': 'Ninguém (remover atribuição)', 'bulk.label': 'Adicionar etiqueta',
    'bulk.snooze': 'Adiar até responder', 'bulk.done': '{count} conversas atualizadas', 'bulk.done.one': '1 conversa atualizada',
    'bulk.pick_some': 'Marque pelo menos uma conversa primeiro.', 'bulk.pick_label': 'Escolha a etiqueta a adicionar.',
    'shortcuts.open': 'Atalhos de teclado (?)',
    'transcript.open': 'Transcrição', 'transcript.title': 'Conversa com {name}', 'transcript.back': 'Voltar para a conversa',
    'transcript.print': 'Imprimir ou salvar como PDF', 'transcript.phone': 'Telefone', 'transcript.conversation': 'Conversa',
    'transcript.period': 'Período', 'transcript.empty': 'Ainda não há mensagens.',
    'transcript.hint': 'Todas as mensagens trocadas com o cliente; as notas internas não são incluídas.',
  },
};
