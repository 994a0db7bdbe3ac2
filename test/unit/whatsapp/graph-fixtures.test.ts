/**
 * The Graph client against recorded answers in Meta's wire format (test/fixtures/graph), served by
 * a loopback server that replays them: success bodies are read the way Meta writes them, and every
 * documented error body becomes a GraphApiError with the code, subcode, details, trace id and the
 * policy action the send worker acts on.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGraphClient, type GraphClient } from '../../../src/channels/whatsapp/graph-client';
import { GraphApiError } from '../../../src/channels/whatsapp/graph-error';
import { buildText } from '../../../src/channels/whatsapp/outbound';

const DIR = join(import.meta.dir, '../../fixtures/graph');
/** The fixture each path answers with; tests set it before calling the client. */
const routes = new Map<string, string>();
const seen: { method: string; path: string; auth: string | null }[] = [];
let server: ReturnType<typeof Bun.serve>;
let base: string;

beforeAll(() => {
  server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch(req) {
      const url = new URL(req.url);
      seen.push({ method: req.method, path: url.pathname + url.search, auth: req.headers.get('authorization') });
      const name = routes.get(url.pathname + url.search) ?? routes.get(url.pathname);
      if (!name) return new Response('no fixture', { status: 599 });
      const { status, body } = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8').replaceAll('{{GRAPH}}', base)) as { status: number; body: unknown };
      return Response.json(body, { status });
    },
  });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(() => server.stop(true));

const client = (): GraphClient => createGraphClient({ graphUrl: base, version: 'v23.0', phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAtest' });
const MESSAGES = '/v23.0/106540352242922/messages';

/** The GraphApiError a send answered with `fixture` throws. */
async function sendFails(fixture: string): Promise<GraphApiError> {
  routes.set(MESSAGES, fixture);
  const err = await client().sendMessage(buildText('16505551234', 'hola')).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(GraphApiError);
  return err as GraphApiError;
}

describe('sends', () => {
  test('a text send stores messages[0].id and the wa_id Meta resolved for the input', async () => {
    routes.set(MESSAGES, 'send-text-ok');
    const sent = await client().sendMessage(buildText('+16505551234', 'hola'));
    expect(sent).toMatchObject({ wamid: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA', waId: '16505551234', input: '+1 (650) 555-1234' });
    expect(seen.at(-1)).toEqual({ method: 'POST', path: MESSAGES, auth: 'Bearer EAAtest' });
  });

  test('a template send answered with message_status "accepted" is a send', async () => {
    routes.set(MESSAGES, 'send-template-ok');
    expect((await client().sendMessage(buildText('16505551234', 'x'))).wamid).toBe('wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJGQjQ3QUE1RjM0QTFCMDQ0QzEA');
  });

  test('mark as read answers {"success":true}', async () => {
    routes.set(MESSAGES, 'mark-read-ok');
    await client().markRead('wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA');
  });
});

describe('error bodies', () => {
  const cases: Array<[fixture: string, http: number, code: number, action: string, reason: string, details: string]> = [
    ['error-131026-undeliverable', 400, 131026, 'fail', 'undeliverable', 'Message Undeliverable.'],
    ['error-190-token-expired', 401, 190, 'reauthorize', 'access_token_invalid', 'Error validating access token: Session has expired'],
    ['error-130429-throughput', 400, 130429, 'retry', 'throughput_rate_limit', 'Cloud API message throughput has been reached.'],
    ['error-131056-pair-rate', 400, 131056, 'retry', 'pair_rate_limit', 'too many messages sent from this phone number to the same phone number'],
    ['error-100-invalid-parameter', 400, 100, 'fail', 'invalid_parameter', "Parameter 'to' is invalid"],
    ['error-132000-param-count', 400, 132000, 'fail', 'template_param_count_mismatch', 'number of localizable_params (1) does not match'],
    ['error-132001-template-missing', 404, 132001, 'fail', 'template_missing', 'template name (order_update) does not exist in es_AR'],
    ['error-368-policy-block', 400, 368, 'pause', 'policy_block', 'restricted for violating WhatsApp Business Policy'],
    ['error-131000-generic-500', 500, 131000, 'retry', 'generic_error', 'Something went wrong'],
  ];
  for (const [fixture, http, code, action, reason, details] of cases) {
    test(`${fixture}: code ${code} → ${action}`, async () => {
      const err = await sendFails(fixture);
      expect(err).toMatchObject({ kind: 'graph', httpStatus: http, code, action, reason, retryable: action === 'retry' });
      expect(err.details).toContain(details);
      const recorded = JSON.parse(readFileSync(join(DIR, `${fixture}.json`), 'utf8')).body.error;
      expect(err.fbtraceId).toBe(recorded.fbtrace_id);
      expect(err.type).toBe('OAuthException');
      if (recorded.error_subcode !== undefined) expect(err.subcode).toBe(recorded.error_subcode);
    });
  }
});

describe('media', () => {
  test('upload answers the media id', async () => {
    routes.set('/v23.0/106540352242922/media', 'media-upload');
    expect(await client().uploadMedia(new Uint8Array([1, 2, 3]), 'image/jpeg', 'a.jpg')).toBe('1037543291543636');
  });

  test('media info: the lookaside URL, mime type, sha256, and file_size sent as a string read as a number', async () => {
    routes.set('/v23.0/1037543291543636', 'media-info');
    expect(await client().getMediaInfo('1037543291543636')).toEqual({
      id: '1037543291543636',
      url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1037543291543636&ext=1733310000&hash=ATtH8sJ2kLq9vXz0',
      mime_type: 'image/jpeg', sha256: '09f5b28e2d9c0b7a6b1e3a4f6d8c2e1b0a9f8e7d6c5b4a3928171615141312ab', file_size: 303833,
    });
  });

  test('an id that no longer exists is a GraphMethodException 100/33: a failure, not a retry', async () => {
    routes.set('/v23.0/1037543291543636', 'media-info-expired');
    const err = await client().getMediaInfo('1037543291543636').then(() => null, (e: GraphApiError) => e);
    expect(err).toMatchObject({ kind: 'graph', httpStatus: 404, code: 100, subcode: 33, type: 'GraphMethodException', action: 'fail' });
  });
});

describe('templates', () => {
  test('every page is read through paging.next; components arrive as Meta writes them', async () => {
    routes.set('/v23.0/102290129340398/message_templates', 'templates-page-1');
    routes.set('/v23.0/102290129340398/message_templates?limit=2&after=QVFIUnB6VXRpRk93', 'templates-page-2');
    const list = await client().listTemplates();
    expect(list.map((t) => `${t.name}/${t.language}/${t.status}`)).toEqual([
      'order_confirmation/en_US/APPROVED', 'store_visit/es/APPROVED', 'order_tracking/en_US/APPROVED', 'summer_sale/pt_BR/REJECTED',
    ]);
    expect(list[0]!.parameter_format).toBe('NAMED');
    expect(list[1]!.components[0]).toEqual({ type: 'HEADER', format: 'LOCATION' });
    expect((list[2]!.components[1] as { buttons: { type: string }[] }).buttons.map((b) => b.type)).toEqual(['URL', 'COPY_CODE', 'QUICK_REPLY']);
    expect(seen.filter((s) => s.path.includes('message_templates')).every((s) => s.auth === 'Bearer EAAtest')).toBe(true);
  });
});
