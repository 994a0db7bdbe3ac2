/** The audit log in words: actions, the things they touch, and the names of their details. */
import type { FeatureMessages } from './types';

export const audit: FeatureMessages = {
  en: {
    'audit.conversation': 'Conversation #{number}', 'audit.rule': 'Routing rule', 'audit.gone': '(deleted)', 'audit.yes': 'yes', 'audit.no': 'no',
    'audit.do.conversation.assign': 'Assigned a conversation', 'audit.do.conversation.unassign': 'Unassigned a conversation',
    'audit.do.conversation.claim': 'Took a conversation from the queue', 'audit.do.conversation.take_over': 'Took a conversation over',
    'audit.do.conversation.priority': 'Changed a conversation\'s priority', 'audit.do.user.create': 'Created a user', 'audit.do.user.update': 'Changed a user',
    'audit.do.user.password': 'Changed a password', 'audit.do.team.create': 'Created a team', 'audit.do.team.update': 'Changed a team',
    'audit.do.team.member_add': 'Added a team member', 'audit.do.team.member_remove': 'Removed a team member', 'audit.do.label.create': 'Created a label',
    'audit.do.channel.create': 'Connected a channel', 'audit.do.channel.update': 'Changed a channel', 'audit.do.routing_rule.create': 'Created a routing rule',
    'audit.do.routing_rule.update': 'Changed a routing rule', 'audit.do.setting.update': 'Changed a setting',
    'audit.field.assigneeId': 'assigned to', 'audit.field.previousAssigneeId': 'before', 'audit.field.teamId': 'team', 'audit.field.previousTeamId': 'team before',
    'audit.field.mode': 'how', 'audit.field.from': 'from', 'audit.field.userId': 'user', 'audit.field.name': 'name', 'audit.field.role': 'role',
  },
  es: {
    'audit.conversation': 'Conversación #{number}', 'audit.rule': 'Regla de enrutamiento', 'audit.gone': '(eliminado)', 'audit.yes': 'sí', 'audit.no': 'no',
    'audit.do.conversation.assign': 'Asignó una conversación', 'audit.do.conversation.unassign': 'Quitó la asignación de una conversación',
    'audit.do.conversation.claim': 'Tomó una conversación de la cola', 'audit.do.conversation.take_over': 'Se hizo cargo de una conversación',
    'audit.do.conversation.priority': 'Cambió la prioridad de una conversación', 'audit.do.user.create': 'Creó un usuario', 'audit.do.user.update': 'Cambió un usuario',
    'audit.do.user.password': 'Cambió una contraseña', 'audit.do.team.create': 'Creó un equipo', 'audit.do.team.update': 'Cambió un equipo',
    'audit.do.team.member_add': 'Añadió un miembro al equipo', 'audit.do.team.member_remove': 'Quitó un miembro del equipo', 'audit.do.label.create': 'Creó una etiqueta',
    'audit.do.channel.create': 'Conectó un canal', 'audit.do.channel.update': 'Cambió un canal', 'audit.do.routing_rule.create': 'Creó una regla de enrutamiento',
    'audit.do.routing_rule.update': 'Cambió una regla de enrutamiento', 'audit.do.setting.update': 'Cambió un ajuste',
    'audit.field.assigneeId': 'asignada a', 'audit.field.previousAssigneeId': 'antes', 'audit.field.teamId': 'equipo', 'audit.field.previousTeamId': 'equipo anterior',
    'audit.field.mode': 'cómo', 'audit.field.from': 'de', 'audit.field.userId': 'usuario', 'audit.field.name': 'nombre', 'audit.field.role': 'rol',
  },
  'pt-BR': {
    'audit.conversation': 'Conversa #{number}', 'audit.rule': 'Regra de roteamento', 'audit.gone': '(excluído)', 'audit.yes': 'sim', 'audit.no': 'não',
    'audit.do.conversation.assign': 'Atribuiu uma conversa', 'audit.do.conversation.unassign': 'Removeu a atribuição de uma conversa',
    'audit.do.conversation.claim': 'Pegou uma conversa da fila', 'audit.do.conversation.take_over': 'Assumiu uma conversa',
    'audit.do.conversation.priority': 'Mudou a prioridade de uma conversa', 'audit.do.user.create': 'Criou um usuário', 'audit.do.user.update': 'Alterou um usuário',
    'audit.do.user.password': 'Alterou uma senha', 'audit.do.team.create': 'Criou uma equipe', 'audit.do.team.update': 'Alterou uma equipe',
    'audit.do.team.member_add': 'Adicionou um membro à equipe', 'audit.do.team.member_remove': 'Removeu um membro da equipe', 'audit.do.label.create': 'Criou uma etiqueta',
    'audit.do.channel.create': 'Conectou um canal', 'audit.do.channel.update': 'Alterou um canal', 'audit.do.routing_rule.create': 'Criou uma regra de roteamento',
    'audit.do.routing_rule.update': 'Alterou uma regra de roteamento', 'audit.do.setting.update': 'Alterou uma configuração',
    'audit.field.assigneeId': 'atribuída a', 'audit.field.previousAssigneeId': 'antes', 'audit.field.teamId': 'equipe', 'audit.field.previousTeamId': 'equipe anterior',
    'audit.field.mode': 'como', 'audit.field.from': 'de', 'audit.field.userId': 'usuário', 'audit.field.name': 'nome', 'audit.field.role': 'papel',
  },
};
