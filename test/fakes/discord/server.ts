// A fake Discord on 127.0.0.1: the REST routes Tidings uses and a plain-JSON gateway (no compression, as
// discord.js runs without zlib-sync). It records interaction callbacks, webhook edits and follow-ups, channel
// posts and command registrations, so tests assert what a real Discord would have received.
import { once } from 'node:events';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, e.g. /channels/1/messages. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | null;
}

export interface ChannelPost {
  id: string;
  channelId: string;
  body: Record<string, unknown>;
}

/** A scripted answer to the next posts in a channel: an HTTP status and Discord's error body (a 2xx status: post normally). */
export interface ScriptedFailure {
  status: number;
  code: number;
  message?: string;
  /** Store the message, then answer with the failure (an answer lost on the way back). */
  acceptFirst?: boolean;
  /** Seconds, sent as Retry-After (with 429). */
  retryAfter?: number;
}

export interface GatewayRecord {
  query: URLSearchParams;
  identify: Record<string, unknown> | null;
  heartbeats: number;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly posts: ChannelPost[] = [];
  readonly gateways: GatewayRecord[] = [];
  /** Failures to answer, per channel, in order; a channel in `forbidden` always answers with that code. */
  readonly failures = new Map<string, ScriptedFailure[]>();
  readonly forbidden = new Map<string, { status: number; code: number }>();
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private sockets = new Set<WebSocket>();
  private nextId = 1_000_000_000_000_000n;
  private seq = 0;
  private waiters: (() => void)[] = [];
  port = 0;

  constructor(
    readonly applicationId: string,
    private readonly options: { heartbeatIntervalMs?: number; /** Only this bot token is accepted. */ token?: string } = {},
  ) {}

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  snowflake(): string {
    return String(this.nextId++);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket, req) => this.onGateway(socket, req));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.wss?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Resolves when `check` holds for what was recorded; re-checked after every request. */
  async waitFor<T>(check: () => T | undefined | null | false): Promise<T> {
    for (;;) {
      const v = check();
      if (v) return v;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  private changed(): void {
    const ws = this.waiters.splice(0);
    for (const w of ws) w();
  }

  /** Sends a dispatch to every connected gateway session. */
  dispatch(t: string, d: unknown): void {
    const frame = JSON.stringify({ op: 0, t, s: ++this.seq, d });
    for (const s of this.sockets) s.send(frame);
  }

  // ── gateway ────────────────────────────────────────────────────────────────────────────────────────
  private onGateway(socket: WebSocket, req: IncomingMessage): void {
    const record: GatewayRecord = { query: new URL(req.url ?? '/', 'http://x').searchParams, identify: null, heartbeats: 0 };
    this.gateways.push(record);
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 45_000 } }));
    socket.on('message', (raw: Buffer) => {
      const packet = JSON.parse(raw.toString('utf8')) as { op: number; d: Record<string, unknown> };
      if (packet.op === 1) {
        record.heartbeats++;
        socket.send(JSON.stringify({ op: 11 }));
      } else if (packet.op === 2) {
        record.identify = packet.d;
        const ready = {
          v: 10,
          user: { id: this.applicationId, username: 'Tidings', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
          guilds: [],
          session_id: `session-${this.gateways.length}`,
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard: [0, 1],
          application: { id: this.applicationId, flags: 0 },
        };
        socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.seq, d: ready }));
      } else if (packet.op === 6) {
        record.identify = packet.d;
        socket.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} }));
      }
      this.changed();
    });
  }

  // ── REST ───────────────────────────────────────────────────────────────────────────────────────────
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as unknown) : null;
    const record: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, body, authorization: req.headers.authorization ?? null };
    this.requests.push(record);
    try {
      this.route(record, res);
    } finally {
      this.changed();
    }
  }

  private json(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    if (status === 204) {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(data));
  }

  private message(channelId: string, body: Record<string, unknown>, id = this.snowflake()): Record<string, unknown> {
    return {
      id,
      channel_id: channelId,
      type: 0,
      author: { id: this.applicationId, username: 'Tidings', discriminator: '0', global_name: null, avatar: null, bot: true },
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body.flags ?? 0,
      components: [],
      webhook_id: this.applicationId,
    };
  }

  private route(r: RecordedRequest, res: ServerResponse): void {
    const body = (r.body ?? {}) as Record<string, unknown>;
    const authorized = r.authorization === null || (r.authorization.startsWith('Bot ') && (!this.options.token || r.authorization === `Bot ${this.options.token}`));
    if (!authorized) return this.json(res, 401, { message: '401: Unauthorized', code: 0 });
    let m: RegExpExecArray | null;
    if (r.method === 'GET' && r.path === '/gateway/bot') {
      return this.json(res, 200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) return this.json(res, 204, null);
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(r.path))) {
      if (r.method === 'DELETE') return this.json(res, 204, null);
      return this.json(res, 200, this.message('0', body));
    }
    if (r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path)) return this.json(res, 200, this.message('0', body));
    if (r.method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(r.path))) return this.post(m[1]!, body, res);
    if (r.method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(r.path))) {
      const list = Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : [];
      return this.json(res, 200, list.map((c) => ({ ...c, id: this.snowflake(), application_id: m![1], guild_id: m![2], version: '1' })));
    }
    return this.json(res, 404, { message: `404: Not Found (${r.method} ${r.path})`, code: 0 });
  }

  private post(channelId: string, body: Record<string, unknown>, res: ServerResponse): void {
    const ban = this.forbidden.get(channelId);
    if (ban) return this.json(res, ban.status, { message: 'Missing Permissions', code: ban.code });
    const scripted = this.failures.get(channelId)?.shift();
    const failure = scripted && scripted.status >= 300 ? scripted : undefined;
    const fail = (f: ScriptedFailure) =>
      this.json(res, f.status, { message: f.message ?? 'failure', code: f.code, ...(f.retryAfter !== undefined ? { retry_after: f.retryAfter, global: false } : {}) }, f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter) } : {});
    if (failure && !failure.acceptFirst) return fail(failure);
    // enforce_nonce: a second post with the same nonce returns the first message instead of a new one.
    const nonce = body.enforce_nonce ? body.nonce : undefined;
    const earlier = nonce === undefined ? undefined : this.posts.find((p) => p.channelId === channelId && p.body.nonce === nonce);
    const post = earlier ?? { id: this.snowflake(), channelId, body };
    if (!earlier) this.posts.push(post);
    if (failure) return fail(failure);
    return this.json(res, 200, this.message(channelId, post.body, post.id));
  }

  /** The requests made for one interaction token: the callback, edits, deletions and follow-ups. */
  interactionTraffic(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}/`) || r.path.endsWith(`/${token}`));
  }
}
