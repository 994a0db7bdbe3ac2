/** A browser tab's WebSocket for tests over a real port: session cookie, recorded frames, waits. */
export class WsTab {
  frames: string[] = [];
  ws: WebSocket;
  constructor(port: number, sessionToken: string) {
    this.ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { cookie: `turno_session=${sessionToken}` } } as never);
    this.ws.onmessage = (e) => this.frames.push(String(e.data));
  }
  /** Resolves when the socket is open (rejects when the upgrade fails). */
  open(): Promise<void> {
    return new Promise((resolve, reject) => { this.ws.onopen = () => resolve(); this.ws.onerror = () => reject(new Error('socket failed')); });
  }
  send(msg: unknown) { this.ws.send(JSON.stringify(msg)); }
  /** The first frame matching `pred`, polling for up to ~2 s. */
  async waitFor(pred: (f: string) => boolean): Promise<string> {
    for (let i = 0; i < 200; i++) {
      const hit = this.frames.find(pred);
      if (hit) return hit;
      await Bun.sleep(10);
    }
    throw new Error(`frame not received; got ${this.frames.length} frames`);
  }
  close() { this.ws.close(); }
}

/** Polls `check` until it returns true (≈2 s), for effects of asynchronous listeners. */
export async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await Bun.sleep(10);
  }
  throw new Error('condition not met in time');
}
