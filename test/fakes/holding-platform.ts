// A fake chat platform on 127.0.0.1: it accepts POST /send {chatId, text} and counts what each chat got.
// `freeze()` holds new requests unanswered and uncounted; `release()` answers the held ones whose sender is
// still connected (a sender killed meanwhile never had its message accepted).
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Held {
  req: IncomingMessage;
  res: ServerResponse;
  chatId: string;
}

export interface HoldingPlatform {
  url: string;
  /** Messages accepted per chat. */
  received: Map<string, number>;
  total(): number;
  /** Requests held by freeze(), by the sender's pid. */
  heldBy(pid: number): number;
  freeze(): void;
  /** Calls `listener` after every accepted or held request and every held request's disconnect. */
  onChange(listener: () => void): () => void;
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingPlatform(options: { latencyMs?: number } = {}): Promise<HoldingPlatform> {
  const received = new Map<string, number>();
  let total = 0;
  let frozen = false;
  const held: Held[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) l();
  };
  const hold = (h: Held) => {
    held.push(h);
    h.req.socket.once('close', changed);
    changed();
  };

  const accept = (h: Held) => {
    if (h.res.destroyed || h.req.socket.destroyed) return;
    received.set(h.chatId, (received.get(h.chatId) ?? 0) + 1);
    total++;
    const text = JSON.stringify({ message_id: nextId++ });
    h.res.writeHead(200, { 'content-type': 'application/json' }).end(text);
    changed();
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      let chatId: string;
      try {
        chatId = String((JSON.parse(raw) as { chatId: unknown }).chatId);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'bad json' }));
        return;
      }
      const h = { req, res, chatId };
      if (frozen) hold(h);
      else if (options.latencyMs) setTimeout(() => (frozen ? hold(h) : accept(h)), options.latencyMs);
      else accept(h);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    total: () => total,
    heldBy: (pid) => held.filter((h) => h.req.headers['x-sender-pid'] === String(pid) && !h.req.socket.destroyed).length,
    freeze: () => void (frozen = true),
    onChange: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    release: () => {
      frozen = false;
      for (const h of held.splice(0)) accept(h);
    },
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
