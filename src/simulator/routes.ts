/** HTTP handlers of the Graph API simulator (messages, media, templates, phone number). */
import type { FailureBook, FailureRule, SimEndpoint } from './failures';
import { type SimulatorState, type SimTemplate } from './state';
import { validateSendBody } from './validate-send';
import { graphError, newWamid } from './wire';

export interface RouteContext {
  state: SimulatorState;
  failures: FailureBook;
  accessToken: () => string;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  baseUrl: () => string;
  mediaUrlTtlMs: number;
  templatePageSize: number;
  /** Resolves when the simulator stops (ends hanging requests). */
  stopped: Promise<void>;
  /** Called after an accepted send; `asyncFailure` carries the code of an `async` failure rule. */
  onSent: (wamid: string, body: Record<string, unknown>, asyncFailure?: number) => void;
}

const json = (body: unknown, status = 200) => Response.json(body, { status });
const gErr = (code: number, details?: string, http?: number) => {
  const e = graphError(code, details, http);
  return json(e.body, e.status);
};

function bearerOk(req: Request, ctx: RouteContext): boolean {
  return req.headers.get('authorization') === `Bearer ${ctx.accessToken()}`;
}

/** Turns a failure rule into its response (or a hang / a dropped connection). */
export function failureResponse(rule: FailureRule, ctx: RouteContext): Response | Promise<Response> {
  switch (rule.mode ?? 'error') {
    case 'timeout':
      return Promise.race([
        ctx.stopped.then(() => json({ error: 'stopped' }, 503)),
        Bun.sleep(rule.hangMs ?? 10 * 60_000).then(() => json({ error: 'hang ended' }, 504)),
      ]);
    case 'reset': {
      const stream = new ReadableStream({
        start(controller) {
          // Erroring the body stream makes Bun drop the socket mid-response (client: ECONNRESET).
          // Bun prints the string once on the server side; a short string keeps test logs readable.
          controller.enqueue(new TextEncoder().encode('{"messaging_product":"wha'));
          setTimeout(() => controller.error('simulated connection reset'), 5);
        },
      });
      return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    case 'http':
      return new Response('<html><body>Service Unavailable</body></html>', { status: rule.httpStatus ?? 503, headers: { 'Content-Type': 'text/html' } });
    case 'expired':
      return gErr(100, 'URL signature expired', 404);
    default:
      return gErr(rule.code ?? 131000, undefined, rule.httpStatus);
  }
}

function checkFailure(ctx: RouteContext, ep: SimEndpoint, to?: string): FailureRule | undefined {
  return ctx.failures.take(ep, to);
}

async function postMessages(req: Request, ctx: RouteContext, phoneId: string): Promise<Response> {
  if (phoneId !== ctx.phoneNumberId) return gErr(100, `Unsupported post request. Object with ID '${phoneId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`);
  let body: Record<string, unknown>;
  try {
    body = (await req.json()) as Record<string, unknown>;
  } catch {
    return gErr(100, 'Request body is not valid JSON');
  }
  const rule = checkFailure(ctx, 'messages', typeof body.to === 'string' ? body.to : undefined);
  if (rule && rule.mode !== 'async' && rule.mode !== 'slow') return failureResponse(rule, ctx);
  const problem = validateSendBody(body, ctx.state.templates);
  if (problem) return gErr(problem.code, problem.details);
  if (body.status === 'read') {
    ctx.state.reads.push(body);
    return json({ success: true });
  }
  const wamid = newWamid();
  const to = String(body.to);
  ctx.state.sent.push({ wamid, phoneNumberId: phoneId, body, at: Date.now() });
  ctx.onSent(wamid, body, rule?.mode === 'async' ? (rule.code ?? 131026) : undefined);
  const message: Record<string, unknown> = { id: wamid };
  if (body.type === 'template') message.message_status = 'accepted';
  if (rule?.mode === 'slow') await Promise.race([ctx.stopped, Bun.sleep(rule.hangMs ?? 10 * 60_000)]);
  return json({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to.replace(/^\+/, '') }], messages: [message] });
}

async function postMedia(req: Request, ctx: RouteContext, phoneId: string): Promise<Response> {
  if (phoneId !== ctx.phoneNumberId) return gErr(100, `Object with ID '${phoneId}' does not exist`);
  const rule = checkFailure(ctx, 'media-upload');
  if (rule) return failureResponse(rule, ctx);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return gErr(100, 'Expected multipart/form-data');
  }
  if (form.get('messaging_product') !== 'whatsapp') return gErr(100, 'The parameter messaging_product is required.');
  const file = form.get('file');
  if (!(file instanceof Blob)) return gErr(100, 'The parameter file is required.');
  const type = String(form.get('type') ?? file.type ?? 'application/octet-stream');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const stored = ctx.state.addMedia(bytes, type, { filename: (file as File).name, uploaded: true });
  return json({ id: stored.id });
}

function getTemplates(req: Request, ctx: RouteContext, version: string, wabaId: string): Response {
  if (wabaId !== ctx.wabaId) return gErr(100, `Object with ID '${wabaId}' does not exist`);
  const rule = checkFailure(ctx, 'templates');
  if (rule) return failureResponse(rule, ctx) as Response;
  const url = new URL(req.url);
  const limit = Math.max(1, Math.min(1000, Number(url.searchParams.get('limit')) || ctx.templatePageSize));
  const after = url.searchParams.get('after');
  const start = after ? Number(Buffer.from(after, 'base64url').toString()) || 0 : 0;
  const list: SimTemplate[] = ctx.state.templates;
  const data = list.slice(start, start + limit);
  const cursor = (i: number) => Buffer.from(String(i)).toString('base64url');
  const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(start + data.length) } };
  if (start + data.length < list.length) {
    paging.next = `${ctx.baseUrl()}/${version}/${wabaId}/message_templates?limit=${limit}&after=${cursor(start + data.length)}`;
  }
  if (start > 0) paging.previous = `${ctx.baseUrl()}/${version}/${wabaId}/message_templates?limit=${limit}&before=${cursor(start)}`;
  return json({ data, paging });
}

function getObject(ctx: RouteContext, id: string): Response {
  if (id === ctx.phoneNumberId) {
    const rule = checkFailure(ctx, 'phone');
    if (rule) return failureResponse(rule, ctx) as Response;
    return json({
      verified_name: ctx.verifiedName, code_verification_status: 'VERIFIED', display_phone_number: ctx.displayPhoneNumber,
      quality_rating: 'GREEN', platform_type: 'CLOUD_API', throughput: { level: 'STANDARD' }, id,
    });
  }
  const media = ctx.state.media.get(id);
  if (!media) return gErr(100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`);
  const rule = checkFailure(ctx, 'media-info');
  if (rule) return failureResponse(rule, ctx) as Response;
  const exp = Date.now() + ctx.mediaUrlTtlMs;
  return json({
    messaging_product: 'whatsapp',
    url: `${ctx.baseUrl()}/media-download/${id}?ext=${exp}&hash=${media.sha256.slice(0, 12)}`,
    mime_type: media.mimeType, sha256: media.sha256, file_size: String(media.bytes.byteLength), id,
  });
}

function download(req: Request, ctx: RouteContext, id: string): Response | Promise<Response> {
  if (!bearerOk(req, ctx)) return gErr(190, 'Media download requires the access token', 401);
  const rule = checkFailure(ctx, 'media-download');
  if (rule) return failureResponse(rule.mode === 'error' || !rule.mode ? { ...rule, mode: 'expired' } : rule, ctx);
  const media = ctx.state.media.get(id);
  const exp = Number(new URL(req.url).searchParams.get('ext') ?? 0);
  if (!media || media.expired || (exp && Date.now() > exp)) return new Response('URL signature expired', { status: 404 });
  return new Response(media.bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': media.mimeType, 'Content-Length': String(media.bytes.byteLength) } });
}

/** Dispatches one request. Unknown paths answer Graph's error 100 with HTTP 400. */
export async function handle(req: Request, ctx: RouteContext): Promise<Response> {
  const url = new URL(req.url);
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'media-download' && parts[1] && req.method === 'GET') return download(req, ctx, parts[1]);
  const [version, id, edge] = parts;
  if (!version || !/^v\d+(\.\d+)?$/.test(version) || !id) return gErr(100, `Unknown path ${url.pathname}`);
  if (!bearerOk(req, ctx)) return gErr(190, undefined, 401);
  if (req.method === 'POST' && edge === 'messages' && parts.length === 3) return postMessages(req, ctx, id);
  if (req.method === 'POST' && edge === 'media' && parts.length === 3) return postMedia(req, ctx, id);
  if (req.method === 'GET' && edge === 'message_templates' && parts.length === 3) return getTemplates(req, ctx, version, id);
  if (req.method === 'GET' && parts.length === 2) return getObject(ctx, id);
  if (req.method === 'DELETE' && parts.length === 2 && ctx.state.media.delete(id)) return json({ success: true });
  return gErr(100, `Unsupported ${req.method.toLowerCase()} request.`);
}
