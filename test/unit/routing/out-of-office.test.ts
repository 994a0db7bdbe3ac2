/** The company out-of-office reply per customer language; a team's own text wins. */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { saveBusinessHours } from '../../../src/core/routing/hours-store';
import { setSetting } from '../../../src/core/settings';
import { messages } from '../../../src/db/schema';
import { channelTeams } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeChannel, makeTeam } from '../../helpers/routing-fixtures';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const closed = { timezone: 'America/Sao_Paulo', weekly: [], holidays: [] };
const repliesTo = async (channelId: string, phone: string, text: string) => {
  const conv = customerWrites(t.app.core, channelId, phone, text).conversation!;
  await t.app.core.bus.drain();
  return t.app.core.db.select().from(messages).where(eq(messages.conversationId, conv.id)).all().filter((m) => m.direction === 'outbound').map((m) => m.content);
};

test('the customer language picks the company text; Spanish is the fallback; a team text wins', async () => {
  const core = t.app.core;
  const team = makeTeam(core, 'Soporte', []);
  const channelId = makeChannel(core);
  core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  saveBusinessHours(core, null, { ...closed, outOfOfficeMessage: '' }, null);
  setSetting(core, 'hours.outOfOfficeMessages', { es: 'Estamos cerrados', 'pt-BR': 'Estamos fechados', en: 'We are closed' }, null);
  expect(await repliesTo(channelId, '1', 'Olá, não consigo acessar minha conta')).toEqual(['Estamos fechados']);
  expect(await repliesTo(channelId, '2', 'Hello, I need help with my order please')).toEqual(['We are closed']);
  expect(await repliesTo(channelId, '3', '12345')).toEqual(['Estamos cerrados']);
  saveBusinessHours(core, team.id, { ...closed, outOfOfficeMessage: 'Soporte abre a las 9' }, null);
  expect(await repliesTo(channelId, '4', 'Hello, anyone there?')).toEqual(['Soporte abre a las 9']);
});
