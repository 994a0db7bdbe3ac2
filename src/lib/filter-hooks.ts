/**
 * Typed synchronous filter hooks ("before" hooks): handlers run in priority order inside the
 * caller's transaction. A handler returns a replacement value to modify what happens, nothing to
 * leave it, or throws to refuse it (the error reaches the caller and the transaction rolls back).
 * Each registration can name an owner, so everything a plugin added is removed at once.
 */
type Filter<V> = (value: V) => V | void;

interface Entry<V> {
  filter: Filter<V>;
  priority: number;
  seq: number;
  owner: string | null;
}

export class FilterHooks<Hooks extends object> {
  private entries = new Map<keyof Hooks, Entry<any>[]>();
  private seq = 0;

  /** Adds a filter for `name` (lower priority runs first); returns a function that removes it. */
  before<K extends keyof Hooks>(name: K, filter: Filter<Hooks[K]>, opts: { priority?: number; owner?: string } = {}): () => void {
    const entry: Entry<Hooks[K]> = { filter, priority: opts.priority ?? 0, seq: this.seq++, owner: opts.owner ?? null };
    const list = [...(this.entries.get(name) ?? []), entry].sort((a, b) => a.priority - b.priority || a.seq - b.seq);
    this.entries.set(name, list);
    return () => this.entries.set(name, (this.entries.get(name) ?? []).filter((e) => e !== entry));
  }

  /** Removes every filter registered by `owner`. */
  removeOwner(owner: string): void {
    for (const [name, list] of this.entries) this.entries.set(name, list.filter((e) => e.owner !== owner));
  }

  /** Passes `value` through every filter of `name` in order and returns the result. */
  run<K extends keyof Hooks>(name: K, value: Hooks[K]): Hooks[K] {
    let current = value;
    for (const entry of this.entries.get(name) ?? []) current = (entry.filter(current) as Hooks[K] | undefined) ?? current;
    return current;
  }
}
