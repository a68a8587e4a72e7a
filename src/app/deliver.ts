// Delivering the outbox. A row is leased, sent, then marked; a process that dies mid-send leaves the row
// leased, and it is sent again when the lease ends. That is the only window for a duplicate: a send the
// platform accepted in the instant before `completeDelivery` recorded it.
import type { ChatTarget } from '../core/model';
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
}

export interface DeliverReport {
  sent: number;
  retried: number;
  dropped: number;
}

const NO_SINK_RETRY_MS = 5 * 60_000;

/** Ends a chat's subscription because the platform says the chat is gone for us. */
async function endSubscription(store: Store, log: Logger, target: ChatTarget, reason: string): Promise<void> {
  const sub = await store.getSubscription(target);
  if (sub?.active) {
    await store.saveSubscription({ ...sub, active: false });
    log.warn({ platform: target.platform, chat: target.chatId, reason }, 'subscription ended: chat unreachable');
  }
}

export async function deliverPending(deps: DeliverDeps, options: DeliverOptions = {}): Promise<DeliverReport> {
  const report: DeliverReport = { sent: 0, retried: 0, dropped: 0 };
  const rows = await deps.store.claimDeliveries(deps.clock.now().toISOString(), options.limit ?? 100, options.leaseMs ?? 120_000);
  // Several rows of one chat may come back 'gone' at once: end its subscription (and log it) once.
  const ended = new Set<string>();
  await Promise.all(
    rows.map(async (row) => {
      const sink = deps.sinks.get(row.target.platform);
      const later = (ms: number) => new Date(deps.clock.now().getTime() + ms).toISOString();
      if (!sink) {
        await deps.store.retryDelivery(row.id, later(NO_SINK_RETRY_MS), `no ${row.target.platform} adapter is running`);
        report.retried++;
        return;
      }
      let target = row.target;
      for (let hop = 0; hop < 3; hop++) {
        const outcome = await sink.send(target, deliveryDocument(row.digest));
        switch (outcome.kind) {
          case 'sent':
            await deps.store.completeDelivery(row.id, outcome.messageIds, deps.clock.now().toISOString());
            report.sent++;
            return;
          case 'retry':
            await deps.store.retryDelivery(row.id, later(outcome.afterMs), outcome.reason);
            report.retried++;
            return;
          case 'gone':
            await deps.store.dropDelivery(row.id, outcome.reason);
            if (!ended.has(`${target.platform}:${target.chatId}`)) {
              ended.add(`${target.platform}:${target.chatId}`);
              await endSubscription(deps.store, deps.log, target, outcome.reason);
            }
            report.dropped++;
            return;
          case 'moved':
            deps.log.info({ platform: target.platform, from: target.chatId, to: outcome.target.chatId }, 'chat moved');
            await deps.store.moveTarget(target, outcome.target);
            target = outcome.target;
            break;
        }
      }
      await deps.store.retryDelivery(row.id, later(60_000), 'the chat kept moving');
      report.retried++;
    }),
  );
  return report;
}
