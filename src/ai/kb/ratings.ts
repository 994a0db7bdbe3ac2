/**
 * Agents rate bot answers 👍/👎 (one rating per agent and message, changeable), and the admin page
 * shows how many customer-facing messages the bot and the people sent, with the ratings.
 */
import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { botRatings, messages } from '../../db/schema';
import { BOT_RATINGS } from '../../db/schema/ai';
import type { Core } from '../../core/context';
import { getConversationOrThrow } from '../../core/conversations';
import { fail } from '../../core/errors';
import { getMessageOrThrow } from '../../core/messages';
import { canSeeConversation } from '../../core/visibility';
import type { PublicUser } from '../../core/types';

export const ratingSchema = z.object({ rating: z.enum(BOT_RATINGS) });

/** Stores `user`'s rating of a bot message they can see; replaces an earlier rating by them. */
export function rateBotMessage(core: Core, user: PublicUser, messageId: string, rating: (typeof BOT_RATINGS)[number]): void {
  const message = getMessageOrThrow(core, messageId);
  if (!canSeeConversation(core, user, getConversationOrThrow(core, message.conversationId))) throw fail.notFound('Message');
  if (message.senderType !== 'bot' || message.isPrivate) throw fail.unprocessable('Only answers sent by the bot can be rated');
  const now = core.clock.now();
  core.db.insert(botRatings).values({ messageId, userId: user.id, rating, createdAt: now })
    .onConflictDoUpdate({ target: [botRatings.messageId, botRatings.userId], set: { rating, createdAt: now } }).run();
}

/** Counts of customer-facing messages by sender and of ratings on bot messages. */
export interface BotStats {
  botMessages: number;
  humanMessages: number;
  ratingsUp: number;
  ratingsDown: number;
}

/** Sent-message counts (bot vs people, private notes excluded) and rating totals. */
export function botStats(core: Core): BotStats {
  const sent = core.db.select({ sender: messages.senderType, n: count() }).from(messages)
    .where(and(eq(messages.direction, 'outbound'), eq(messages.isPrivate, false))).groupBy(messages.senderType).all();
  const votes = core.db.select({ rating: botRatings.rating, n: count() }).from(botRatings).groupBy(botRatings.rating).all();
  const of = <T extends { n: number }>(rows: T[], pick: (r: T) => boolean) => rows.filter(pick).reduce((a, r) => a + r.n, 0);
  return {
    botMessages: of(sent, (r) => r.sender === 'bot'),
    humanMessages: of(sent, (r) => r.sender === 'agent'),
    ratingsUp: of(votes, (r) => r.rating === 'up'),
    ratingsDown: of(votes, (r) => r.rating === 'down'),
  };
}

