// Delivering the outbox: lease → send → mark.
//
// Exactly once, except for one window. A row is leased (claimDeliveries), sent, then marked sent
// (completeDelivery). A process killed before the send leaves the row leased; it becomes claimable again
// when its holder's heartbeat stops (runtime/heartbeat.ts: seconds), when the lease ends, or at once when a
// stopping process releases it or a restarted one takes back its own, and is sent then. The one
// duplicate that can happen: the platform accepted the message, and the process died before the mark was
// committed. (A digest sent as several messages records each part as it goes: the window is one message's,
// and a retry sends only the parts not yet sent.) That window runs from the moment the platform stores the
// message, through its reply crossing the network and being read, to the commit of one UPDATE: the return
// half of a round-trip plus one small write, plus whatever the event loop is busy with meanwhile.
// `npm run bench:fanout` measures it (from the fake platform storing a message to the commit): milliseconds
// on loopback; add half the platform's RTT.
// Nothing else sends twice: a claim is atomic (UPDATE … RETURNING, SKIP LOCKED on PostgreSQL), and the lease
// (default 2 min) is far longer than a sink may take for one send (sinks time out well before it).
import type { ChatTarget, OutboxRow } from '../core/model';
import type { Clock, Logger, Sink, Store } from '../core/ports';
import { deliveryDocument } from '../core/digest/document';

export interface DeliverDeps {
  store: Store;
  sinks: ReadonlyMap<string, Sink>;
  clock: Clock;
  log: Logger;
}

export interface DeliverOptions {
  limit?: number;
  /** How long a claimed row is ours; longer than any single send may take. */
  leaseMs?: number;
  /** Sends in flight at once (the sinks pace each platform; this bounds what a stop must wait for). */
  concurrency?: number;
  /** When aborted, rows not yet handed to a sink are released at once; sends already started finish. */
  signal?: AbortSignal;
  /**
   * This process's heartbeat holder: claimed rows are marked as its, and rows of a holder whose heartbeat is
   * older than `staleMs` (a killed process) are taken back at once instead of after their lease.
   */
  holder?: { id: string; staleMs: number };
}

export interface DeliverReport {
  sent: number;
  retried: number;
  dropped: number;
  /** Claimed but given back unsent: the process is stopping, or too little of the lease was left to send. */
  released: number;
}

export const DEFAULT_LEASE_MS = 120_000;
const NO_SINK_RETRY_MS = 5 * 60_000;
const ERROR_RETRY_MS = 60_000;
/** A digest that failed this many times is given up (and says why in its row). */
export const MAX_ATTEMPTS = 12;

/** Ends every subscription of a chat, its forum topics' too: the bot was removed from it or blocked. */
export async function endChat(store: Store, log: Logger, chat: ChatTarget, reason: string): Promise<number> {
  const ended = (await store.chatSubscriptions(chat.platform, chat.chatId)).filter((s) => s.active);
  for (const sub of ended) await store.saveSubscription({ ...sub, active: false });
  if (ended.length) log.warn({ platform: chat.platform, chat: chat.chatId, subscriptions: ended.length, reason }, 'subscriptions ended: bot removed from the chat');
  return ended.length;
}

/** Ends a chat's subscription because the platform says the chat is gone for us. */
async function endSubscription(store: Store, log: Logger, target: ChatTarget, reason: string): Promise<void> {
  const sub = await store.getSubscription(target);
  if (sub?.active) {
    await store.saveSubscription({ ...sub, active: false });
    log.warn({ platform: target.platform, chat: target.chatId, reason }, 'subscription ended: chat unreachable');
  }
}

type Outcome = 'sent' | 'retried' | 'dropped' | 'released';

async function deliverRow(deps: DeliverDeps, row: OutboxRow): Promise<Outcome> {
  const sink = deps.sinks.get(row.target.platform);
  const later = (ms: number) => new Date(deps.clock.now().getTime() + ms).toISOString();
  const retry = async (ms: number, reason: string): Promise<Outcome> => {
    if (row.attempts >= MAX_ATTEMPTS) {
      await deps.store.dropDelivery(row.id, `gave up after ${row.attempts} attempts: ${reason}`);
      deps.log.warn({ row: row.id, subscription: row.subscriptionId, reason }, 'digest dropped after repeated failures');
      return 'dropped';
    }
    await deps.store.retryDelivery(row.id, later(ms), reason);
    return 'retried';
  };
  if (!sink) return retry(NO_SINK_RETRY_MS, `no ${row.target.platform} adapter is running`);
  let target = row.target;
  // A digest long enough for several messages records each part as it goes, so a retry (or a restart after a
  // crash) sends only the parts that had not gone out. Losing the lease meanwhile stops the sending.
  let leaseLost = false;
  let sent: readonly string[] = row.messageIds;
  const progress = () => ({
    sent,
    record: async (ids: string[]) => {
      leaseLost = !(await deps.store.recordDeliveryParts(row.id, row.availableAt, ids));
      return !leaseLost;
    },
  });
  for (let hop = 0; hop < 3; hop++) {
    const outcome = await sink.send(target, deliveryDocument(row.digest), progress());
    if (leaseLost) {
      deps.log.warn({ row: row.id }, 'lease on a digest ran out while sending it; left to its new holder');
      return 'released';
    }
    switch (outcome.kind) {
      case 'sent':
        // ── the duplicate window (see the top of this file) is from the platform's acceptance to this commit ──
        await deps.store.completeDelivery(row.id, outcome.messageIds, deps.clock.now().toISOString());
        return 'sent';
      case 'retry':
        return retry(outcome.afterMs, outcome.reason);
      case 'gone':
        await deps.store.dropDelivery(row.id, outcome.reason);
        await endSubscription(deps.store, deps.log, target, outcome.reason);
        return 'dropped';
      case 'moved':
        deps.log.info({ platform: target.platform, from: target.chatId, to: outcome.target.chatId }, 'chat moved');
        await deps.store.moveTarget(target, outcome.target);
        target = outcome.target;
        sent = []; // the new chat has none of it
        break;
    }
  }
  return retry(ERROR_RETRY_MS, 'the chat kept moving');
}

/** Claims one batch of due rows and delivers it. */
export async function deliverPending(deps: DeliverDeps, options: DeliverOptions = {}): Promise<DeliverReport> {
  const report: DeliverReport = { sent: 0, retried: 0, dropped: 0, released: 0 };
  if (options.signal?.aborted) return report;
  const nowMs = deps.clock.now().getTime();
  const holder = options.holder ? { id: options.holder.id, staleBefore: new Date(nowMs - options.holder.staleMs).toISOString() } : undefined;
  const rows = await deps.store.claimDeliveries(new Date(nowMs).toISOString(), options.limit ?? 100, options.leaseMs ?? DEFAULT_LEASE_MS, holder);
  // (each row's availableAt is now the end of our lease on it)
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const queue = [...rows];
  const worker = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      const now = deps.clock.now();
      if (options.signal?.aborted) {
        await deps.store.releaseDelivery(row.id, row.availableAt, now.toISOString());
        report.released++;
        continue;
      }
      // A batch held up (a platform's rate limit) must not send a row whose lease is about to run out: another
      // worker may claim it then and send it too. Leave it; it is claimable again when the lease ends.
      if (Date.parse(row.availableAt) - now.getTime() < leaseMs / 4) {
        report.released++;
        continue;
      }
      try {
        report[await deliverRow(deps, row)]++;
      } catch (err) {
        // A sink or store that throws (a bug, a lost connection) must not strand the row until its lease ends.
        deps.log.error({ err, row: row.id }, 'delivery failed');
        await deps.store.retryDelivery(row.id, new Date(deps.clock.now().getTime() + ERROR_RETRY_MS).toISOString(), String((err as Error)?.message ?? err)).catch(() => undefined);
        report.retried++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, rows.length)) }, worker));
  return report;
}

/** Delivers batches until nothing is due (or the signal stops it). */
export async function drainOutbox(deps: DeliverDeps, options: DeliverOptions = {}): Promise<DeliverReport> {
  const total: DeliverReport = { sent: 0, retried: 0, dropped: 0, released: 0 };
  for (;;) {
    const r = await deliverPending(deps, options);
    total.sent += r.sent;
    total.retried += r.retried;
    total.dropped += r.dropped;
    total.released += r.released;
    if (r.sent + r.retried + r.dropped + r.released === 0 || options.signal?.aborted) return total;
  }
}
