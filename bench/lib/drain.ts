/** Waiting for a server's ingest backlog, read from its database (read-only, WAL) by the benchmark process. */
import { Database } from 'bun:sqlite';

/** Polls until no stored webhook waits to be applied; returns the wall time then. */
export async function waitDrained(dbPath: string, timeoutMs = 600_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const db = new Database(dbPath, { readonly: true });
    const waiting = db.query<{ n: number }, []>("SELECT count(*) AS n FROM webhook_events WHERE status = 'received'").get()!.n;
    db.close();
    if (waiting === 0) return Date.now();
    if (Date.now() > deadline) throw new Error(`ingest not drained after ${timeoutMs} ms (${waiting} waiting)`);
    await Bun.sleep(20);
  }
}
