/**
 * Alerts, live: when notifications are stored (`notifications.created` — SLA at risk or breached,
 * customer unattended), each notified user's open tabs get the new bell count, the dropdown entry
 * and a toast (static/notifications.js also raises a browser notification), in the tab's language.
 */
import { and, desc, eq } from 'drizzle-orm';
import { notifications } from '../db/schema';
import { unreadCount } from '../core/routing/notify';
import { translator } from '../../views/i18n';
import { notificationPush } from '../../views/routing/notifications';
import { perLocale } from './fragments';
import type { Realtime } from './realtime';

/** Subscribes the alert toasts to the bus. */
export function registerAlertsFeed(realtime: Realtime): void {
  const { core, hub } = realtime;
  core.bus.on('notifications.created', ({ userIds, kind }) => {
    for (const userId of userIds) {
      const tabs = hub.tabsOf(userId);
      if (tabs.length === 0) continue;
      const row = core.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))
        .orderBy(desc(notifications.createdAt)).limit(1).get();
      if (!row) continue;
      const count = unreadCount(core, userId);
      const render = perLocale((locale) => String(notificationPush(translator(locale), row, count)));
      for (const tab of tabs) hub.sendTo(tab, render(tab.locale));
    }
  });
}
