/**
 * "Ana is typing…": composers report keystrokes (throttled client-side); each report keeps the
 * indicator alive for `ttlMs`, after which it disappears on its own. Changes are announced through
 * `onChange` so the collision indicator can be re-rendered.
 */
import type { PublicUser } from '../core/types';

export class TypingTracker {
  private typing = new Map<string, Map<string, { user: PublicUser; timer: ReturnType<typeof setTimeout> }>>();

  constructor(private ttlMs: number, private onChange: (conversationId: string) => void) {}

  /** Records that `user` is typing in the conversation. */
  typed(conversationId: string, user: PublicUser): void {
    const inConversation = this.typing.get(conversationId) ?? new Map();
    this.typing.set(conversationId, inConversation);
    const existing = inConversation.get(user.id);
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => this.stopped(conversationId, user.id), this.ttlMs);
    inConversation.set(user.id, { user, timer });
    if (!existing) this.onChange(conversationId);
  }

  /** Clears the indicator at once (the message was sent). */
  stopped(conversationId: string, userId: string): void {
    const inConversation = this.typing.get(conversationId);
    const entry = inConversation?.get(userId);
    if (!entry) return;
    clearTimeout(entry.timer);
    inConversation!.delete(userId);
    if (inConversation!.size === 0) this.typing.delete(conversationId);
    this.onChange(conversationId);
  }

  /** Users currently typing in the conversation. */
  typersOf(conversationId: string): PublicUser[] {
    return [...(this.typing.get(conversationId)?.values() ?? [])].map((e) => e.user);
  }

  /** Cancels every timer. */
  stop(): void {
    for (const m of this.typing.values()) for (const e of m.values()) clearTimeout(e.timer);
    this.typing.clear();
  }
}
