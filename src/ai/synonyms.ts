/**
 * Cross-language synonym groups for customer messages in Spanish, Portuguese and English. A word
 * in a group also emits the group's feature (`s:<group>`), so "pésimo", "terrible" and "horrível"
 * share evidence even when the training examples only used one of them — the embedded backend's
 * stand-in for what a multilingual model learns from data. Entries are written without accents,
 * in lower case; doubled letters are collapsed here as `normalizeText` does ("terrible" →
 * "terible"). A trailing `*` matches any word starting with the stem (stems of at least 5 letters
 * once folded, to stay specific).
 */

const GROUPS: Record<string, string[]> = {
  bad: ['pesimo', 'pesima', 'malisim*', 'horibl*', 'horivel', 'horor*', 'terribl*', 'awful', 'worst', 'peor', 'pior', 'desastr*', 'disaster', 'lixo', 'basura', 'garbage', 'rubish', 'ruim', 'unaceptabl*', 'inaceptabl*', 'inaceitavel'],
  upset: ['molest*', 'enojad*', 'enfadad*', 'harto', 'harta', 'cansad*', 'revoltad*', 'irritad*', 'furios*', 'angry', 'anoyed', 'frustra*', 'indignad*', 'decepcion*', 'disapoint*', 'insatisf*', 'unhapy', 'upset'],
  shame: ['verguenz*', 'vergonh*', 'vergonzos*', 'shame*', 'disgrace*', 'respeto', 'respeito', 'respect', 'groser*', 'rude'],
  complaint: ['queja', 'quejas', 'quejar*', 'reclam*', 'complain*', 'denunci*'],
  broken: ['roto', 'rota', 'rotos', 'rotas', 'quebrad*', 'broken', 'damag*', 'defect*', 'defeit*', 'danad*', 'danific*', 'estragad*', 'averiad*', 'faulty'],
  scam: ['estafa*', 'fraud*', 'scam', 'scams', 'scamed', 'scamer', 'golpe', 'robo', 'roubo', 'ladron*', 'ladro*'],
  never: ['nunca', 'never', 'jamas', 'jamais'],
  price: ['precio', 'precios', 'preco', 'precos', 'price', 'prices', 'pricing', 'cuesta', 'custa', 'costo', 'custo', 'cost', 'costs', 'valor', 'tarifa*'],
  buy: ['compra', 'comprar', 'compro', 'purchase', 'buy', 'buying', 'adquirir'],
  quote: ['presupuesto', 'orcamento', 'cotizacion', 'cotacao', 'quote'],
  person: ['persona', 'pesoa', 'person', 'human*', 'atendente', 'agente', 'agent', 'asesor*', 'operador*', 'representativ*', 'alguien', 'alguem', 'someone'],
  appointment: ['cita', 'citas', 'turno', 'turnos', 'horario', 'agend*', 'appointment*', 'booking', 'book', 'reserv*', 'consulta'],
  order: ['pedido', 'pedidos', 'order', 'orders', 'encomend*', 'paquete', 'pacote', 'package', 'parcel'],
  delivery: ['envio', 'envios', 'entrega*', 'shiping', 'shipment', 'deliver*', 'rastre*', 'track*', 'seguimiento', 'arive*', 'arrive*', 'llega', 'chega', 'llego', 'chegou'],
  charge: ['cobro', 'cobraron', 'cobrar', 'cobrou', 'cobraram', 'cobrado', 'cobrada', 'charge', 'charged', 'charges', 'factur*', 'fatura*', 'invoice*', 'bill', 'billing', 'recibo'],
  refund: ['reembols*', 'refund*', 'devolucion', 'devolucao', 'estorno', 'reimburs*'],
  payment: ['pago', 'pagos', 'pagar', 'pagamento', 'payment*', 'pay', 'paid'],
  card: ['tarjeta', 'tarjetas', 'cartao', 'card', 'cards'],
  money: ['dinero', 'dinheiro', 'money', 'funds', 'fondos', 'fundos', 'cash', 'efectivo'],
  password: ['contrasena', 'senha', 'password', 'pasword', 'clave', 'pin'],
  failure: ['error', 'eror', 'erro', 'bug', 'falla', 'fala', 'falha', 'fails', 'failed', 'declin*', 'rechaz*', 'recusad*'],
  cancel: ['cancel*'],
  thanks: ['gracias', 'obrigad*', 'thanks', 'thank', 'valeu'],
};

const exact = new Map<string, string[]>();
/** Stems by their first STEM_KEY letters, so a word checks only the few stems it could start with. */
const STEM_KEY = 5;
const stems = new Map<string, Array<[string, string]>>();
for (const [group, words] of Object.entries(GROUPS)) {
  for (const written of words) {
    const w = written.replace(/(\p{L})\1+/gu, '$1');
    if (!w.endsWith('*')) exact.set(w, [...(exact.get(w) ?? []), group]);
    else {
      const stem = w.slice(0, -1);
      if (stem.length < STEM_KEY) throw new Error(`synonym stem "${stem}" is shorter than ${STEM_KEY} letters`);
      const key = stem.slice(0, STEM_KEY);
      stems.set(key, [...(stems.get(key) ?? []), [stem, group]]);
    }
  }
}

/** Answers already computed, per word (words repeat a lot); cleared when it grows past the limit. */
const memo = new Map<string, string[]>();
const MEMO_LIMIT = 50_000;

/** Synonym groups of one folded word (usually none or one). */
export function synonymGroups(word: string): string[] {
  let groups = memo.get(word);
  if (groups) return groups;
  groups = exact.get(word) ?? [];
  const candidates = word.length >= STEM_KEY ? stems.get(word.slice(0, STEM_KEY)) : undefined;
  const byStem = (candidates ?? []).filter(([stem]) => word.startsWith(stem)).map(([, g]) => g);
  if (byStem.length) groups = [...new Set([...groups, ...byStem])];
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, groups);
  return groups;
}
