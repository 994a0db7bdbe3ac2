/**
 * The ceiling: a bare Bun server on loopback that reads the body and answers 200, nothing else.
 * Run as its own process: `bun bench/lib/ceiling-server.ts <port>`.
 */
const port = Number(process.argv[2] ?? 0);
const server = Bun.serve({
  hostname: '127.0.0.1',
  port,
  async fetch(req) {
    await req.arrayBuffer();
    return new Response('OK');
  },
});
console.log(server.port);
