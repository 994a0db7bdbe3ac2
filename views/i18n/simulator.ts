/** The simulator channel's control panel. */
import type { FeatureMessages } from './types';

export const simulator: FeatureMessages = {
  en: {
    'sim.title': 'Simulator controls', 'sim.intro': 'Play the customer: messages arrive through the same path as real WhatsApp messages.',
    'sim.customer': 'Customer', 'sim.customer_new': 'A new customer…', 'sim.kind': 'Message', 'sim.new_name': 'New customer\'s name', 'sim.new_name_hint': 'Only for a new customer',
    'sim.new_phone': 'New customer\'s number', 'sim.text': 'Text or caption', 'sim.text_hint': 'Empty: a sample text', 'sim.send': 'The customer writes',
    'sim.kind.text': 'Text', 'sim.kind.image': 'Photo', 'sim.kind.audio': 'Audio', 'sim.kind.document': 'Document (PDF)', 'sim.kind.location': 'Location',
    'sim.kind.order': 'Catalogue order', 'sim.kind.button_reply': 'Button reply', 'sim.kind.contacts': 'Contact card', 'sim.kind.sticker': 'Sticker',
    'sim.traffic': 'Scripted traffic', 'sim.rate': 'Messages per minute', 'sim.traffic_start': 'Start', 'sim.traffic_change': 'Change rate', 'sim.traffic_stop': 'Stop',
    'sim.traffic_on': 'Running: {count} messages a minute', 'sim.traffic_on.one': 'Running: 1 message a minute', 'sim.traffic_off': 'Stopped',
    'sim.failures': 'Failed deliveries', 'sim.fail_next': 'The next replies', 'sim.fail_reason': 'Why they fail', 'sim.fail_apply': 'Make them fail',
    'sim.fail.131047': 'More than 24 hours since the customer wrote', 'sim.fail.131026': 'The number cannot receive it', 'sim.fail.131049': 'Meta held it back (engagement)', 'sim.fail.130429': 'Rate limit reached',
    'sim.sent': 'The customer\'s message is on its way to the inbox.', 'sim.traffic_started': 'Scripted traffic is running.', 'sim.traffic_stopped': 'Scripted traffic stopped.', 'sim.fail_set': 'The next replies will fail.',
  },
  es: {
    'sim.title': 'Controles del simulador', 'sim.intro': 'Haz de cliente: los mensajes llegan por el mismo camino que los de WhatsApp reales.',
    'sim.customer': 'Cliente', 'sim.customer_new': 'Un cliente nuevo…', 'sim.kind': 'Mensaje', 'sim.new_name': 'Nombre del cliente nuevo', 'sim.new_name_hint': 'Solo para un cliente nuevo',
    'sim.new_phone': 'Número del cliente nuevo', 'sim.text': 'Texto o pie de foto', 'sim.text_hint': 'Vacío: un texto de ejemplo', 'sim.send': 'El cliente escribe',
    'sim.kind.text': 'Texto', 'sim.kind.image': 'Foto', 'sim.kind.audio': 'Audio', 'sim.kind.document': 'Documento (PDF)', 'sim.kind.location': 'Ubicación',
    'sim.kind.order': 'Pedido del catálogo', 'sim.kind.button_reply': 'Respuesta a un botón', 'sim.kind.contacts': 'Tarjeta de contacto', 'sim.kind.sticker': 'Sticker',
    'sim.traffic': 'Tráfico simulado', 'sim.rate': 'Mensajes por minuto', 'sim.traffic_start': 'Iniciar', 'sim.traffic_change': 'Cambiar ritmo', 'sim.traffic_stop': 'Detener',
    'sim.traffic_on': 'En marcha: {count} mensajes por minuto', 'sim.traffic_on.one': 'En marcha: 1 mensaje por minuto', 'sim.traffic_off': 'Detenido',
    'sim.failures': 'Entregas fallidas', 'sim.fail_next': 'Las próximas respuestas', 'sim.fail_reason': 'Por qué fallan', 'sim.fail_apply': 'Hacerlas fallar',
    'sim.fail.131047': 'Pasaron más de 24 horas desde que escribió el cliente', 'sim.fail.131026': 'El número no puede recibirlo', 'sim.fail.131049': 'Meta lo retuvo (interacción)', 'sim.fail.130429': 'Límite de envíos alcanzado',
    'sim.sent': 'El mensaje del cliente va camino de la bandeja.', 'sim.traffic_started': 'El tráfico simulado está en marcha.', 'sim.traffic_stopped': 'El tráfico simulado se detuvo.', 'sim.fail_set': 'Las próximas respuestas fallarán.',
  },
  'pt-BR': {
    'sim.title': 'Controles do simulador', 'sim.intro': 'Faça o papel do cliente: as mensagens chegam pelo mesmo caminho das mensagens reais do WhatsApp.',
    'sim.customer': 'Cliente', 'sim.customer_new': 'Um cliente novo…', 'sim.kind': 'Mensagem', 'sim.new_name': 'Nome do cliente novo', 'sim.new_name_hint': 'Só para um cliente novo',
    'sim.new_phone': 'Número do cliente novo', 'sim.text': 'Texto ou legenda', 'sim.text_hint': 'Vazio: um texto de exemplo', 'sim.send': 'O cliente escreve',
    'sim.kind.text': 'Texto', 'sim.kind.image': 'Foto', 'sim.kind.audio': 'Áudio', 'sim.kind.document': 'Documento (PDF)', 'sim.kind.location': 'Localização',
    'sim.kind.order': 'Pedido do catálogo', 'sim.kind.button_reply': 'Resposta a um botão', 'sim.kind.contacts': 'Cartão de contato', 'sim.kind.sticker': 'Figurinha',
    'sim.traffic': 'Tráfego simulado', 'sim.rate': 'Mensagens por minuto', 'sim.traffic_start': 'Iniciar', 'sim.traffic_change': 'Mudar ritmo', 'sim.traffic_stop': 'Parar',
    'sim.traffic_on': 'Em andamento: {count} mensagens por minuto', 'sim.traffic_on.one': 'Em andamento: 1 mensagem por minuto', 'sim.traffic_off': 'Parado',
    'sim.failures': 'Entregas com falha', 'sim.fail_next': 'As próximas respostas', 'sim.fail_reason': 'Por que falham', 'sim.fail_apply': 'Fazer falhar',
    'sim.fail.131047': 'Mais de 24 horas desde que o cliente escreveu', 'sim.fail.131026': 'O número não pode recebê-la', 'sim.fail.131049': 'A Meta a reteve (engajamento)', 'sim.fail.130429': 'Limite de envios atingido',
    'sim.sent': 'A mensagem do cliente está a caminho da caixa de entrada.', 'sim.traffic_started': 'O tráfego simulado está em andamento.', 'sim.traffic_stopped': 'O tráfego simulado parou.', 'sim.fail_set': 'As próximas respostas vão falhar.',
  },
};
