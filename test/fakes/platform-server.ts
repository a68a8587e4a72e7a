// A fake chat platform on 127.0.0.1: POST /send {chatId, text} stores the message and answers its id.
// No idempotency of any kind, so a message sent twice is counted twice. Every receipt is logged with the
// sender's process id, so a duplicate can be traced to the process that sent the first copy.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Receipt {
  seq: number;
  chatId: string;
  pid: number;
  text: string;
  /** performance.now() when it was stored. */
  at: number;
}

export interface PlatformServer {
  url: string;
  receipts: Receipt[];
  /** Messages received per chat. */
  counts: Map<string, number>;
  /** Called after each message is stored (before the answer is written). */
  onMessage: ((r: Receipt) => void) | null;
  close(): Promise<void>;
}

export async function startPlatformServer(): Promise<PlatformServer> {
  const receipts: Receipt[] = [];
  const counts = new Map<string, number>();
  const state: PlatformServer = { url: '', receipts, counts, onMessage: null, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/send') {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { chatId: string; text: string };
      const r: Receipt = { seq: receipts.length + 1, chatId: body.chatId, pid: Number(req.headers['x-sender-pid'] ?? 0), text: body.text, at: performance.now() };
      receipts.push(r);
      counts.set(r.chatId, (counts.get(r.chatId) ?? 0) + 1);
      state.onMessage?.(r);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, message_id: r.seq }));
    });
  });
  // Keep-alive sockets of a killed client must not hold close() up.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
