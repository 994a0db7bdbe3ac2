/** OpenAPI document at `/api/openapi.json` (from the routes' zod schemas) and a readable page at `/api/docs`. */
import { openapi } from '@elysiajs/openapi';
import { Elysia } from 'elysia';
import { z } from 'zod';
import { html, unsafeRaw } from '../../lib/html';
import { htmlResponse } from '../respond';

/** Serves the spec (no third-party UI: the docs page is rendered here and works offline). */
export function apiDocs() {
  return new Elysia({ name: 'api-docs' })
    .use(openapi({
      path: '/api/openapi-ui',
      specPath: '/api/openapi.json',
      provider: null,
      exclude: { paths: [/^\/(?!api\/v1)/] },
      documentation: {
        info: {
          title: 'Turno API', version: '1',
          description: 'Authenticate with `Authorization: Bearer <token>` (create tokens on your profile page, with `POST /api/v1/tokens` or `turno token create`). '
            + 'Errors are `{error:{code,message,details}}`. Lists take `?cursor=&limit=` and answer `{items,nextCursor}`. Send `Idempotency-Key` on POSTs to make retries safe. '
            + 'Each token has a per-minute rate limit (`RateLimit-*` headers, then 429 with `Retry-After`). Contacts and conversations carry an `ETag`; send `If-Match` on updates (412 when stale). See docs/api.md.',
        },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
      },
      mapJsonSchema: { zod: z.toJSONSchema },
    }))
    .get('/api/docs', () => htmlResponse(html`<!doctype html><html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1"><title>Turno API</title>
      <link rel="stylesheet" href="/static/app.css"></head><body><main class="card api-docs"><h1>Turno API v1</h1>
      <p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Send <code>Authorization: Bearer &lt;token&gt;</code>.</p>
      <div id="ops">Loading…</div></main>
      <script>${unsafeRaw(DOCS_SCRIPT)}</script></body></html>`));
}

const DOCS_SCRIPT = `
fetch('/api/openapi.json').then(r => r.json()).then(spec => {
  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));
  const rows = [];
  for (const [path, ops] of Object.entries(spec.paths || {})) for (const [method, op] of Object.entries(ops)) {
    const body = op.requestBody ? '<details><summary>body</summary><pre>' + esc(JSON.stringify(op.requestBody.content?.['application/json']?.schema, null, 2)) + '</pre></details>' : '';
    const params = (op.parameters || []).map(p => esc(p.in + ':' + p.name)).join(', ');
    rows.push('<section class="op"><h3><code>' + esc(method.toUpperCase()) + ' ' + esc(path) + '</code></h3><p>' + esc(op.summary || '') + '</p>' + (params ? '<p>params: ' + params + '</p>' : '') + body + '</section>');
  }
  document.getElementById('ops').innerHTML = rows.join('');
});`;
