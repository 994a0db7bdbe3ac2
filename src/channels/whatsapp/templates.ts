/** Message templates: synced from `GET /{waba}/message_templates` (every page) into the database. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Core } from '../../core/context';
import { transaction } from '../../db/client';
import type { Channel } from '../../core/types';
import { messageTemplates } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { GraphClient } from './graph-client';

/** Replaces the channel's stored templates with the provider's list; returns how many were stored. */
export async function syncTemplates(core: Core, channel: Channel, client: GraphClient): Promise<number> {
  const list = await client.listTemplates();
  const now = core.clock.now();
  transaction(core.db, () => {
    for (const t of list) {
      core.db.insert(messageTemplates).values({
        id: newId(), channelId: channel.id, externalId: t.id ?? null, name: t.name, language: t.language,
        status: t.status, category: t.category ?? '', components: t.components ?? [], syncedAt: now,
      }).onConflictDoUpdate({
        target: [messageTemplates.channelId, messageTemplates.name, messageTemplates.language],
        set: { externalId: t.id ?? null, status: t.status, category: t.category ?? '', components: t.components ?? [], syncedAt: now },
      }).run();
    }
    const keep = new Set(list.map((t) => `${t.name}|${t.language}`));
    const stale = core.db.select().from(messageTemplates).where(eq(messageTemplates.channelId, channel.id)).all()
      .filter((row) => !keep.has(`${row.name}|${row.language}`)).map((row) => row.id);
    if (stale.length) core.db.delete(messageTemplates).where(inArray(messageTemplates.id, stale)).run();
  });
  return list.length;
}

/** Approved templates of a channel (the only ones that can be sent), by name. */
export function approvedTemplates(core: Core, channelId: string) {
  return core.db.select().from(messageTemplates)
    .where(and(eq(messageTemplates.channelId, channelId), eq(messageTemplates.status, 'APPROVED')))
    .orderBy(asc(messageTemplates.name), asc(messageTemplates.language)).all();
}
