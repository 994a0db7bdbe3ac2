/** A browser tab's WebSocket for tests over a real port: session cookie, recorded frames, waits. */
export class WsTab {
  frames: string[] = [];
  ws: WebSocket;
  private waiters = new Set<() => void>();
  private pings = 0;
  constructor(port: number, sessionToken: string) {
    this.ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { cookie: `turno_session=${sessionToken}` } } as never);
    this.ws.onmessage = (e) => {
      this.frames.push(String(e.data));
      for (const wake of this.waiters) wake();
    };
  }
  /** Resolves when the socket is open (rejects when the upgrade fails). */
  open(): Promise<void> {
    return new Promise((resolve, reject) => { this.ws.onopen = () => resolve(); this.ws.onerror = () => reject(new Error('socket failed')); });
  }
  send(msg: unknown) { this.ws.send(JSON.stringify(msg)); }
  /** The first frame matching `pred`, waiting for new frames (fails after 5 s of none matching). */
  waitFor(pred: (f: string) => boolean): Promise<string> {
    const hit = this.frames.find(pred);
    if (hit !== undefined) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const wake = () => {
        const found = this.frames.find(pred);
        if (found === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(found);
      };
      const timer = setTimeout(() => { this.waiters.delete(wake); reject(new Error(`frame not received; got ${this.frames.length} frames`)); }, 5000);
      this.waiters.add(wake);
    });
  }
  /**
   * A barrier: sends `ping` and waits for its marker frame, which the server sends after every
   * frame it queued for this tab before handling the ping. Returns the frames that arrived before
   * the marker — assert absence on these, never after a sleep. Drain the bus first so that the
   * events' frames have been queued.
   */
  async barrier(): Promise<string[]> {
    const token = `barrier-${++this.pings}`;
    this.send({ type: 'ping', token });
    const marker = await this.waitFor((f) => f.includes(`data-pong="${token}"`));
    return this.frames.slice(0, this.frames.indexOf(marker));
  }
  /** Closes the socket and resolves once the close handshake is done. */
  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    const closed = new Promise<void>((resolve) => this.ws.addEventListener('close', () => resolve(), { once: true }));
    this.ws.close();
    return closed;
  }
}

/** Polls `check` until it returns true (≈2 s), for effects of asynchronous listeners. */
export async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await Bun.sleep(10);
  }
  throw new Error('condition not met in time');
}
