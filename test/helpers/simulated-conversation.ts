/** A test app's WhatsApp channel on a Graph API simulator, with one customer conversation open. */
import type { Channel } from '../../src/core/types';
import { startGraphSimulator, type GraphSimulator } from '../../src/simulator/graph-simulator';
import type { TestApp } from './test-app';
import { addTestChannel, APP_SECRET, PHONE_NUMBER_ID, WABA_ID } from './whatsapp';

export const SIMULATED_CUSTOMER = '5491155551234';

/**
 * Listens on a random port, starts a simulator whose webhooks reach it (statuses without delays),
 * adds the channel and lets the customer write "Hola" (the 24-hour window is open). Stop `sim`.
 */
export async function startSimulatedConversation(t: TestApp): Promise<{ sim: GraphSimulator; channel: Channel; conversationId: string }> {
  const port = t.app.listen(0);
  const sim = await startGraphSimulator({
    appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: 'EAAG-test-access-token',
    webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`, statusDelays: false,
  });
  const channel = addTestChannel(t, sim.url);
  await sim.sendInbound({ id: 'wamid.FIRST', type: 'text', text: { body: 'Hola' }, timestamp: String(Math.floor(t.clock.now() / 1000)) }, SIMULATED_CUSTOMER);
  t.app.ingest.processPending();
  const conversationId = t.app.core.db.$client.query<{ id: string }, []>('SELECT id FROM conversations').get()!.id;
  return { sim, channel, conversationId };
}
