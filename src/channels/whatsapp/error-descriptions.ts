/** Human explanations of WhatsApp error codes that an agent or admin can act on (en, es, pt-BR). */

export type ErrorLocale = 'en' | 'es' | 'pt-BR';

type Texts = Record<ErrorLocale, string>;

const DESCRIPTIONS: Record<number, Texts> = {
  131047: {
    en: "More than 24 h since the customer's last message — send an approved template.",
    es: 'Pasaron más de 24 h desde el último mensaje del cliente: envía una plantilla aprobada.',
    'pt-BR': 'Mais de 24 h desde a última mensagem do cliente — envie um modelo aprovado.',
  },
  131026: {
    en: 'Undeliverable: the number may not be on WhatsApp, use an old app version, or not have accepted the terms. Do not retry automatically; confirm the number with the customer.',
    es: 'No entregable: el número puede no tener WhatsApp, usar una versión antigua o no haber aceptado los términos. No se reintenta; confirma el número con el cliente.',
    'pt-BR': 'Não entregue: o número pode não ter WhatsApp, usar versão antiga ou não ter aceito os termos. Não será reenviada; confirme o número com o cliente.',
  },
  130429: {
    en: 'Throughput limit reached for this business number. The message is queued and will be retried.',
    es: 'Se alcanzó el límite de envío del número. El mensaje queda en cola y se reintentará.',
    'pt-BR': 'Limite de envio do número atingido. A mensagem ficou na fila e será reenviada.',
  },
  131056: {
    en: 'Too many messages to this customer in a short time. Sending is delayed and will be retried.',
    es: 'Demasiados mensajes a este cliente en poco tiempo. El envío se retrasa y se reintentará.',
    'pt-BR': 'Muitas mensagens para este cliente em pouco tempo. O envio será adiado e repetido.',
  },
  131051: {
    en: 'Unsupported message type. Ask the customer to send it another way, or check the phone.',
    es: 'Tipo de mensaje no soportado. Pide al cliente que lo envíe de otra forma o revisa el teléfono.',
    'pt-BR': 'Tipo de mensagem não suportado. Peça ao cliente para enviar de outra forma ou veja no celular.',
  },
  100: {
    en: 'Invalid parameter in the request (a bug or bad input such as a too-long text). Not retried.',
    es: 'Parámetro inválido en la solicitud (error o dato incorrecto, p. ej. texto demasiado largo). No se reintenta.',
    'pt-BR': 'Parâmetro inválido na requisição (erro ou dado incorreto, ex.: texto longo demais). Não será reenviada.',
  },
  190: {
    en: 'The access token expired or is invalid. An admin must update the token; sending is paused.',
    es: 'El token de acceso expiró o es inválido. Un administrador debe actualizarlo; los envíos están en pausa.',
    'pt-BR': 'O token de acesso expirou ou é inválido. Um administrador deve atualizá-lo; os envios estão pausados.',
  },
  368: {
    en: 'The number is temporarily blocked for policy violations. Sending is stopped; an admin should check WhatsApp Manager.',
    es: 'El número está bloqueado temporalmente por infringir políticas. Envíos detenidos; un administrador debe revisar WhatsApp Manager.',
    'pt-BR': 'O número está temporariamente bloqueado por violação de políticas. Envios parados; um administrador deve verificar o WhatsApp Manager.',
  },
  131000: {
    en: 'Temporary error at WhatsApp. The message will be retried automatically.',
    es: 'Error temporal de WhatsApp. El mensaje se reintentará automáticamente.',
    'pt-BR': 'Erro temporário do WhatsApp. A mensagem será reenviada automaticamente.',
  },
  132000: {
    en: 'The template parameters do not match the approved template (wrong number of variables). Fill every variable and resend.',
    es: 'Los parámetros no coinciden con la plantilla aprobada (cantidad de variables). Completa todas las variables y reenvía.',
    'pt-BR': 'Os parâmetros não correspondem ao modelo aprovado (número de variáveis). Preencha todas e reenvie.',
  },
  132001: {
    en: 'The template does not exist in this language or is not approved. Pick another template or language.',
    es: 'La plantilla no existe en ese idioma o no está aprobada. Elige otra plantilla o idioma.',
    'pt-BR': 'O modelo não existe nesse idioma ou não está aprovado. Escolha outro modelo ou idioma.',
  },
  131048: {
    en: 'Blocked by WhatsApp spam limits (many customers blocked or reported this number). Slow down and review message quality.',
    es: 'Bloqueado por límites antispam (muchos clientes bloquearon o denunciaron el número). Reduce envíos y revisa la calidad.',
    'pt-BR': 'Bloqueado por limites de spam (muitos clientes bloquearam ou denunciaram o número). Reduza envios e revise a qualidade.',
  },
  131049: {
    en: 'WhatsApp limited marketing messages to this customer for now. Try later or use a utility template.',
    es: 'WhatsApp limitó los mensajes de marketing a este cliente por ahora. Intenta más tarde o usa una plantilla de utilidad.',
    'pt-BR': 'O WhatsApp limitou mensagens de marketing para este cliente por enquanto. Tente depois ou use um modelo de utilidade.',
  },
  131050: {
    en: 'The customer opted out of marketing messages. Do not send marketing templates to them.',
    es: 'El cliente se dio de baja de mensajes de marketing. No le envíes plantillas de marketing.',
    'pt-BR': 'O cliente optou por não receber marketing. Não envie modelos de marketing para ele.',
  },
  131052: {
    en: 'The media could not be downloaded from the customer’s message. Ask them to send it again.',
    es: 'No se pudo descargar el archivo del cliente. Pídele que lo envíe de nuevo.',
    'pt-BR': 'Não foi possível baixar a mídia do cliente. Peça para enviar novamente.',
  },
  131053: {
    en: 'The media could not be uploaded (type or size not accepted). Check the file and try again.',
    es: 'No se pudo subir el archivo (tipo o tamaño no aceptado). Revisa el archivo e inténtalo de nuevo.',
    'pt-BR': 'Não foi possível enviar a mídia (tipo ou tamanho não aceito). Verifique o arquivo e tente de novo.',
  },
};

const FALLBACK: Texts = {
  en: 'WhatsApp error {code}. See the details; contact an admin if it repeats.',
  es: 'Error de WhatsApp {code}. Revisa el detalle; avisa a un administrador si se repite.',
  'pt-BR': 'Erro do WhatsApp {code}. Veja os detalhes; avise um administrador se repetir.',
};

/** True when a specific (non-fallback) explanation exists for `code`. */
export function hasErrorDescription(code: number): boolean {
  return code in DESCRIPTIONS;
}

/**
 * A human explanation of `code` in `locale` (default English) telling the agent what to do.
 * Unknown codes get a generic sentence containing the code; unknown locales fall back to English.
 */
export function describeErrorCode(code: number, locale: ErrorLocale = 'en'): string {
  const texts = DESCRIPTIONS[code] ?? FALLBACK;
  const text = texts[locale] ?? texts.en;
  return text.replace('{code}', String(code));
}
