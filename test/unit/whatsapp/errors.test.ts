import { describe, expect, test } from 'bun:test';
import { describeErrorCode } from '../../../src/channels/whatsapp/error-descriptions';
import { classifyGraphError, ERROR_POLICY, isRetryable } from '../../../src/channels/whatsapp/errors';
import { GraphApiError } from '../../../src/channels/whatsapp/graph-error';

describe('error policy table', () => {
  test.each([
    [130429, 'retry'], [131056, 'retry'], [131000, 'retry'],
    [100, 'fail'], [131026, 'fail'], [131047, 'fail'], [131048, 'fail'], [131049, 'fail'], [131050, 'fail'],
    [132000, 'fail'], [132001, 'fail'], [131051, 'fail'],
    [190, 'reauthorize'], [368, 'pause'],
  ] as const)('code %d → %s', (code, action) => {
    expect(classifyGraphError({ code }).action).toBe(action);
    expect(classifyGraphError(new GraphApiError({ kind: 'graph', message: 'x', code, httpStatus: 400 })).action).toBe(action);
  });

  test('codes win over HTTP status; kinds and statuses decide the rest', () => {
    expect(classifyGraphError({ code: 131026, httpStatus: 500 }).action).toBe('fail');
    expect(classifyGraphError({ httpStatus: 502 })).toMatchObject({ action: 'retry', reason: 'http_502' });
    expect(classifyGraphError({ httpStatus: 429 }).action).toBe('retry');
    expect(classifyGraphError({ httpStatus: 401 }).action).toBe('reauthorize');
    expect(classifyGraphError({ httpStatus: 404 }).action).toBe('fail');
    expect(classifyGraphError({ kind: 'timeout' })).toMatchObject({ action: 'retry', reason: 'timeout' });
    expect(classifyGraphError({ kind: 'network' })).toMatchObject({ action: 'retry', reason: 'network_error' });
    expect(classifyGraphError({ code: 999999, httpStatus: 400 })).toMatchObject({ action: 'fail', reason: 'error_999999' });
    expect(classifyGraphError(undefined).action).toBe('fail');
    expect(isRetryable({ code: 131056 })).toBe(true);
  });

  test('GraphApiError carries the classification', () => {
    const e = GraphApiError.fromResponse(401, JSON.stringify({ error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'Abc' } }));
    expect(e).toMatchObject({ kind: 'graph', httpStatus: 401, code: 190, subcode: 463, fbtraceId: 'Abc', action: 'reauthorize', retryable: false });
    const h = GraphApiError.fromResponse(503, '<html>down</html>');
    expect(h).toMatchObject({ kind: 'http', httpStatus: 503, code: 0, retryable: true });
    expect(new GraphApiError({ kind: 'timeout', message: 't' }).retryable).toBe(true);
    expect(new GraphApiError({ kind: 'too_large', message: 't' }).action).toBe('fail');
  });

  test('every policy entry is well formed', () => {
    for (const [code, p] of Object.entries(ERROR_POLICY)) {
      expect(['retry', 'fail', 'reauthorize', 'pause']).toContain(p.action);
      expect(p.reason).toMatch(/^[a-z0-9_]+$/);
      expect(Number(code)).toBeGreaterThan(0);
    }
  });

  test('the pair rate limit asks for at least 6 s between retries (the send job uses it as a floor under its backoff)', () => {
    expect(classifyGraphError({ code: 131056 }).minDelayMs).toBe(6_000);
  });
});

describe('describeErrorCode', () => {
  test('actionable text per locale', () => {
    expect(describeErrorCode(131047)).toBe("More than 24 h since the customer's last message — send an approved template.");
    expect(describeErrorCode(131047, 'es')).toContain('plantilla aprobada');
    expect(describeErrorCode(131047, 'pt-BR')).toContain('modelo aprovado');
    expect(describeErrorCode(190, 'en')).toContain('token');
  });

  test('every code in the spec table has a description in every locale', () => {
    for (const code of [131047, 131026, 130429, 131056, 131051, 100, 190, 368, 131000, 132000, 132001, 131048, 131049, 131050]) {
      for (const locale of ['en', 'es', 'pt-BR'] as const) {
        expect(describeErrorCode(code, locale)).not.toContain(String(code));
      }
    }
  });

  test('unknown codes fall back to a generic sentence with the code', () => {
    expect(describeErrorCode(4242, 'es')).toContain('4242');
  });
});
