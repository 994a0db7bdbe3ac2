/** Simulated customers (LatAm, Spain, Brazil) and realistic sample content for every inbound type. */

export interface SimCustomer {
  waId: string;
  name: string;
  country: 'MX' | 'BR' | 'AR' | 'CO' | 'ES' | 'CL' | 'PE';
  locale: 'es' | 'pt-BR';
}

export const CUSTOMERS: readonly SimCustomer[] = [
  { waId: '5215512345678', name: 'María Fernanda López', country: 'MX', locale: 'es' },
  { waId: '5511987654321', name: 'João Pedro Silva', country: 'BR', locale: 'pt-BR' },
  { waId: '5491123456789', name: 'Lucía Martínez', country: 'AR', locale: 'es' },
  { waId: '573001234567', name: 'Andrés Felipe Gómez', country: 'CO', locale: 'es' },
  { waId: '34612345678', name: 'Carmen Ruiz Navarro', country: 'ES', locale: 'es' },
  { waId: '5521998765432', name: 'Ana Beatriz Costa', country: 'BR', locale: 'pt-BR' },
  { waId: '56987654321', name: 'Javier Soto', country: 'CL', locale: 'es' },
  { waId: '51987654321', name: 'Rosa Quispe', country: 'PE', locale: 'es' },
  { waId: '5218112345678', name: 'Diego Hernández', country: 'MX', locale: 'es' },
  { waId: '5531912345678', name: 'Fernanda Oliveira', country: 'BR', locale: 'pt-BR' },
];

const TEXTS: Record<SimCustomer['locale'], string[]> = {
  es: [
    'Hola, ¿tienen este modelo en talla M?',
    'Buenas tardes, quería saber el estado de mi pedido #4521',
    '¿Hacen envíos a Guadalajara?',
    'Me llegó el producto dañado 😕 ¿cómo hago la devolución?',
    '¿Cuál es el horario de atención del sábado?',
    'Gracias por la ayuda, todo perfecto 🙌',
    'Quiero cambiar la dirección de entrega, por favor',
    '¿Aceptan pago con Mercado Pago?',
  ],
  'pt-BR': [
    'Oi, vocês têm esse tênis no tamanho 40?',
    'Boa tarde! Meu pedido ainda não chegou, podem verificar?',
    'Aceitam Pix?',
    'Qual o prazo de entrega para Campinas?',
    'Obrigado pelo atendimento 😊',
    'Quero trocar o produto, veio com defeito',
  ],
};

const CAPTIONS: Record<SimCustomer['locale'], string[]> = {
  es: ['Así me llegó la caja', 'Este es el comprobante de pago', 'Mira el color que quiero'],
  'pt-BR': ['Olha como chegou', 'Segue o comprovante do Pix', 'Quero essa cor aqui'],
};

export const PLACES = [
  { name: 'Museo Frida Kahlo', address: 'Londres 247, Del Carmen, Coyoacán, CDMX', latitude: 19.3551, longitude: -99.1626 },
  { name: 'Avenida Paulista', address: 'Av. Paulista, 1578 - Bela Vista, São Paulo - SP', latitude: -23.5614, longitude: -46.6559 },
  { name: 'Obelisco', address: 'Av. 9 de Julio s/n, CABA, Buenos Aires', latitude: -34.6037, longitude: -58.3816 },
  { name: 'Puerta del Sol', address: 'Plaza de la Puerta del Sol, 28013 Madrid', latitude: 40.4168, longitude: -3.7038 },
  { name: 'Parque de la 93', address: 'Cl. 93A #13-32, Bogotá', latitude: 4.6767, longitude: -74.0483 },
];

export const PRODUCTS = [
  { product_retailer_id: 'SKU-CAMISA-AZ-M', item_price: 349.9, currency: 'MXN' },
  { product_retailer_id: 'SKU-TENIS-40', item_price: 289.9, currency: 'BRL' },
  { product_retailer_id: 'SKU-MATE-KIT', item_price: 15500, currency: 'ARS' },
  { product_retailer_id: 'SKU-BOLSO-CUERO', item_price: 59.95, currency: 'EUR' },
];

/** Deterministic pick by index so demos are reproducible; pass a random index for variety. */
export function pickCustomer(index = Math.floor(Math.random() * CUSTOMERS.length)): SimCustomer {
  return CUSTOMERS[((index % CUSTOMERS.length) + CUSTOMERS.length) % CUSTOMERS.length]!;
}

/** The customer with `waId`, or a made-up one (name "Cliente <last 4>") for unknown numbers. */
export function customerFor(waId: string): SimCustomer {
  return CUSTOMERS.find((c) => c.waId === waId)
    ?? { waId, name: `Cliente ${waId.slice(-4)}`, country: waId.startsWith('55') ? 'BR' : 'MX', locale: waId.startsWith('55') ? 'pt-BR' : 'es' };
}

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

/** A realistic customer text in the customer's language. */
export function sampleText(c: SimCustomer): string {
  return pick(TEXTS[c.locale]);
}

/** A realistic media caption in the customer's language. */
export function sampleCaption(c: SimCustomer): string {
  return pick(CAPTIONS[c.locale]);
}

/** A place near the customer's country (falls back to any place). */
export function samplePlace(c: SimCustomer): (typeof PLACES)[number] {
  const byCountry: Record<string, number> = { MX: 0, BR: 1, AR: 2, ES: 3, CO: 4 };
  return PLACES[byCountry[c.country] ?? 0]!;
}
