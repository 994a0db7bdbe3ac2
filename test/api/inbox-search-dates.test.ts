/**
 * Search date filters are calendar days in the browser's zone (`tz`): in Bogotá (UTC−5) a message
 * at 03:30 UTC on 10 March belongs to 9 March, in São Paulo (UTC−3) to 10 March. Unknown or missing zones fall back to UTC.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import type { TestClient } from '../helpers/test-client';

let t: TestApp;
let client: TestClient;
let night: string;
let morning: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ client } = await t.signIn('supervisor'));
  const { channelId } = makeChannel(t);
  t.clock.set(Date.UTC(2026, 2, 10, 3, 30));
  night = customerSays(t, channelId, 'pedido de la noche').message!.id;
  t.clock.set(Date.UTC(2026, 2, 10, 15, 0));
  morning = customerSays(t, channelId, 'pedido de la mañana').message!.id;
});
afterAll(async () => { await t.close(); });

async function hits(query: string): Promise<string[]> {
  const page = await (await client.get(`/inbox/search?q=pedido&${query}`)).text();
  return [night, morning].filter((id) => page.includes(`#m-${id}"`)).map((id) => (id === night ? 'night' : 'morning'));
}

describe('search dates in the browser zone', () => {
  test('since/until are local days of the zone sent by the browser', async () => {
    expect(await hits('since=2026-03-09&until=2026-03-09&tz=America/Bogota')).toEqual(['night']);
    expect(await hits('since=2026-03-10&until=2026-03-10&tz=America/Bogota')).toEqual(['morning']);
    expect(await hits('since=2026-03-10&tz=America/Sao_Paulo')).toEqual(['night', 'morning']);
  });

  test('without a zone or with an unknown one the days are UTC days', async () => {
    expect(await hits('since=2026-03-10&until=2026-03-10')).toEqual(['night', 'morning']);
    expect(await hits('since=2026-03-10&until=2026-03-10&tz=Mars/Olympus')).toEqual(['night', 'morning']);
  });

  test('the form carries the zone in a hidden field for the browser to fill', async () => {
    const page = await (await client.get('/inbox/search?q=pedido&tz=America/Sao_Paulo')).text();
    expect(page).toContain('<input type="hidden" name="tz" value="America/Sao_Paulo" data-local-zone>');
  });
});
