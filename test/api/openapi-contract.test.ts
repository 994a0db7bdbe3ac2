/**
 * The OpenAPI document is complete and true: every /api/v1 route of the app is in it with a JSON
 * schema for its success answer, and the real answers of every route (the security world's valid
 * requests, sent by their control caller with an API token) match the documented schema of their
 * status — checked against the published document itself, not against the code's schemas.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { z } from 'zod';
import { ROUTE_CASES } from '../reliability/security-routes';
import { buildWorld, send, type World } from '../reliability/security-world';

let w: World;
let spec: { openapi: string; paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
beforeAll(async () => {
  w = await buildWorld();
  spec = await (await w.t.request('/api/openapi.json')).json();
}, 60_000);
afterAll(() => w.t.close());

const apiRoutes = () => w.routes.filter((r) => r.path.startsWith('/api/v1/'));
const docPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const operation = (method: string, path: string) => spec.paths[docPath(path)]?.[method.toLowerCase()];
const schemaOf = (method: string, path: string, status: number) => operation(method, path)?.responses?.[String(status)]?.content?.['application/json']?.schema;
const csvOf = (method: string, path: string, status: number) => operation(method, path)?.responses?.[String(status)]?.content?.['text/csv']?.schema;

describe('OpenAPI document', () => {
  test('is OpenAPI 3.1 and documents every /api/v1 route with a JSON success schema', () => {
    expect(spec.openapi).toStartWith('3.1');
    expect(apiRoutes().length).toBeGreaterThan(80);
    const missing = apiRoutes().filter((r) => !operation(r.method, r.path)).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    const untyped = apiRoutes().filter((r) => ![200, 201, 202].some((s) => schemaOf(r.method, r.path, s) ?? csvOf(r.method, r.path, s))).map((r) => `${r.method} ${r.path}`);
    expect(untyped).toEqual([]);
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const live = new Set(apiRoutes().map((r) => `${r.method} ${docPath(r.path)}`));
    expect(documented.filter((key) => !live.has(key))).toEqual([]);
  });

  test('the documented schemas are strict enough to catch a wrong answer', () => {
    const conversation = z.fromJSONSchema(schemaOf('GET', '/api/v1/conversations/:id', 200) as never);
    expect(conversation.safeParse({}).success).toBe(false);
    expect(conversation.safeParse({ id: 1 }).success).toBe(false);
  });

  test('documents the error shape on the failures', () => {
    const error = schemaOf('GET', '/api/v1/conversations/:id', 404) as { properties?: { error?: { required?: string[] } } };
    expect(error?.properties?.error?.required).toEqual(['code', 'message', 'details']);
  });

  test('every real answer matches the documented schema of its status', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const [key, c] of Object.entries(ROUTE_CASES)) {
      const [method, path] = key.split(' ') as [string, string];
      if (!path.startsWith('/api/v1/') || !c.control || c.control === 'anonymous') continue;
      const res = await send(w, c.control, { method, path }, { via: 'token' });
      const schema = schemaOf(method, path, res.status);
      if (!schema && csvOf(method, path, res.status) && res.contentType?.startsWith('text/csv')) {
        checked++;
        continue;
      }
      if (!schema) {
        mismatches.push(`${key} → ${res.status} is not documented (${res.body.slice(0, 120)})`);
        continue;
      }
      const parsed = z.fromJSONSchema(schema as never).safeParse(JSON.parse(res.body));
      checked++;
      if (!parsed.success) mismatches.push(`${key} → ${res.status}: ${parsed.error.issues.slice(0, 2).map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    expect(checked).toBeGreaterThan(80);
    expect(mismatches).toEqual([]);
  }, 120_000);
});
