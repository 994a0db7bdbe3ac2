/** In-memory state of the Graph API simulator: recorded requests, media, templates. */
import { createHash } from 'node:crypto';
import { newNumericId } from './wire';

export interface RecordedSend {
  wamid: string;
  phoneNumberId: string;
  body: Record<string, unknown>;
  at: number;
}

export interface StoredMedia {
  id: string;
  bytes: Uint8Array;
  mimeType: string;
  filename?: string;
  /** Hex sha256 announced (wrong on purpose when requested). */
  sha256: string;
  /** True when uploaded by the business (outbound); false for inbound customer media. */
  uploaded: boolean;
  expired: boolean;
  createdAt: number;
}

export interface SimTemplate {
  id: string;
  name: string;
  language: string;
  status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  components: Record<string, unknown>[];
  parameter_format?: 'POSITIONAL' | 'NAMED';
}

/** Hex sha256. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class SimulatorState {
  readonly sent: RecordedSend[] = [];
  /** Mark-as-read bodies. */
  readonly reads: Record<string, unknown>[] = [];
  readonly uploads: StoredMedia[] = [];
  readonly media = new Map<string, StoredMedia>();
  templates: SimTemplate[];

  constructor(templates: SimTemplate[]) {
    this.templates = templates;
  }

  /** Stores media bytes and returns the record; `wrongSha` announces a sha256 that will not match. */
  addMedia(bytes: Uint8Array, mimeType: string, opts: { filename?: string; uploaded?: boolean; wrongSha?: boolean } = {}): StoredMedia {
    const real = sha256Hex(bytes);
    const m: StoredMedia = {
      id: newNumericId(),
      bytes,
      mimeType,
      filename: opts.filename,
      sha256: opts.wrongSha ? sha256Hex(new TextEncoder().encode(`not-${real}`)) : real,
      uploaded: opts.uploaded ?? false,
      expired: false,
      createdAt: Date.now(),
    };
    this.media.set(m.id, m);
    if (m.uploaded) this.uploads.push(m);
    return m;
  }
}

/** Templates the simulated WABA starts with (a mix of statuses, categories and languages). */
export function defaultTemplates(): SimTemplate[] {
  const body = (text: string) => ({ type: 'BODY', text });
  return [
    { id: newNumericId(), name: 'hello_world', language: 'en_US', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'HEADER', format: 'TEXT', text: 'Hello World' }, body('Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API.'), { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' }] },
    { id: newNumericId(), name: 'order_update', language: 'es', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'HEADER', format: 'IMAGE' }, body('Hola {{1}}, tu pedido {{2}} está en camino.'), { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Rastrear' }] }] },
    { id: newNumericId(), name: 'order_update', language: 'pt_BR', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'HEADER', format: 'IMAGE' }, body('Olá {{1}}, seu pedido {{2}} está a caminho.'), { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Rastrear' }] }] },
    { id: newNumericId(), name: 'reengage_customer', language: 'es', status: 'APPROVED', category: 'UTILITY', components: [body('Hola {{1}}, ¿podemos ayudarte con algo más sobre tu consulta?')] },
    { id: newNumericId(), name: 'reengage_customer', language: 'pt_BR', status: 'APPROVED', category: 'UTILITY', components: [body('Oi {{1}}, podemos ajudar com mais alguma coisa?')] },
    { id: newNumericId(), name: 'appointment_reminder', language: 'es', status: 'APPROVED', category: 'UTILITY', parameter_format: 'NAMED', components: [{ type: 'BODY', text: 'Hola {{customer}}, te recordamos tu cita el {{date}}.', example: { body_text_named_params: [{ param_name: 'customer', example: 'Ana' }, { param_name: 'date', example: '12/03' }] } }] },
    { id: newNumericId(), name: 'promo_black_friday', language: 'es', status: 'PENDING', category: 'MARKETING', components: [body('🔥 {{1}}% de descuento solo hoy')] },
    { id: newNumericId(), name: 'verification_code', language: 'en_US', status: 'APPROVED', category: 'AUTHENTICATION', components: [body('{{1}} is your verification code.'), { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] }] },
    { id: newNumericId(), name: 'order_tracking', language: 'en_US', status: 'APPROVED', category: 'MARKETING', components: [body('Your order {{1}} is on its way. Use code {{2}} on your next purchase.'), { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track order', url: 'https://shop.example.com/track/{{1}}', example: ['https://shop.example.com/track/ABC123'] }, { type: 'COPY_CODE', example: 'SAVE10' }, { type: 'QUICK_REPLY', text: 'Stop updates' }] }] },
    { id: newNumericId(), name: 'store_visit', language: 'es', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'HEADER', format: 'LOCATION' }, body('Hola {{1}}, te esperamos en nuestra tienda.')] },
    { id: newNumericId(), name: 'old_newsletter', language: 'es', status: 'REJECTED', category: 'MARKETING', components: [body('Novedades de la semana')] },
  ];
}
