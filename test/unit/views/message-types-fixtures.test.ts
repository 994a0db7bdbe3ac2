/**
 * Real WhatsApp webhook fixtures → parser → bubble: the view reads exactly the payload the parser
 * stores (orders, list/button/flow replies, location, contacts), so nothing renders empty.
 */
import { describe, expect, test } from 'bun:test';
import { translator } from '../../../views/i18n';
import { messageBubble } from '../../../views/inbox/message-bubble';
import { storedFixture } from '../../helpers/stored-fixture';

const render = (name: string, locale: 'en' | 'es' | 'pt-BR' = 'en') =>
  String(messageBubble(translator(locale), { message: storedFixture(name), attachments: [], reactions: [], quoted: null, senderName: null }));

describe('bubble of parsed fixtures', () => {
  test('order lists every item with its price and the per-currency total', () => {
    const out = render('order');
    expect(out).toContain('2 × SKU-CAMISA-AZ-M — 349.9 MXN');
    expect(out).toContain('1 × SKU-GORRA-NEGRA — 199.5 MXN');
    expect(out).toContain('Total: MXN 899.30');
    expect(out).toContain('Lo quiero para el viernes');
    expect(out).not.toContain('Total: 0.00');
  });

  test('list reply keeps its title, description and the reply styling', () => {
    const out = render('interactive-list-reply');
    expect(out).toContain('class="interactive-reply"');
    expect(out).toContain('Envío express');
    expect(out).toContain('<div class="reply-description">1-2 días hábiles</div>');
  });

  test('button reply renders as a reply', () => {
    expect(render('interactive-button-reply')).toMatch(/class="interactive-reply"><svg class="icon icon-reply"[^]*?<\/svg> <strong>Change<\/strong>/);
    expect(render('button')).toContain('<strong>Rastrear</strong>');
  });

  test('flow reply lists the submitted fields (not the flow token) in the agent language', () => {
    const out = render('interactive-nfm-reply', 'es');
    expect(out).toContain('Formulario enviado');
    expect(out).toContain('<dt>nombre</dt><dd>Lucía</dd>');
    expect(out).toContain('<dt>personas</dt><dd>2</dd>');
    expect(out).not.toContain('tok-123');
    expect(render('interactive-nfm-reply-bad-json')).toContain('Form submitted');
  });

  test('location and contact cards read the parser payload', () => {
    const loc = render('location');
    expect(loc).toContain('<strong>Museo Frida Kahlo</strong>');
    expect(loc).toContain('Londres 247, Del Carmen, Coyoacán, CDMX');
    expect(loc).toContain('openstreetmap.org/?mlat=19.3551&amp;mlon=-99.1626');
    const cards = render('contacts');
    expect(cards).toContain('<strong>Sofía Ramírez</strong>');
    expect(cards).toContain('+52 55 8765 4321');
  });
});
