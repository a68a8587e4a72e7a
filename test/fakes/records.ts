// Complete model records for tests, with plain defaults; each test states only what it cares about.
import { randomUUID } from 'node:crypto';
import type { Article, ChatTarget, Digest, OutboxRow, Subscription } from '../../src/core/model';

export const RECORD_TIME = '2025-08-14T08:00:00.000Z';

export function subscriptionRecord(target: ChatTarget, patch: Partial<Subscription> = {}): Subscription {
  return {
    id: randomUUID(),
    target,
    time: '08:00',
    timezone: 'UTC',
    topics: [],
    maxStories: 5,
    quotes: true,
    sendEmpty: true,
    active: true,
    coveredUntil: null,
    createdAt: RECORD_TIME,
    ...patch,
  };
}

export const emptyDigest = (timezone: string, until: string): Digest => ({ timezone, since: new Date(Date.parse(until) - 86_400_000).toISOString(), until, generatedAt: until, entries: [] });

/** A pending outbox row for `sub`, available from its `createdAt` (default: the subscription's). */
export function outboxRecord(sub: Subscription, periodKey: string, patch: Partial<OutboxRow> = {}): OutboxRow {
  const createdAt = patch.createdAt ?? sub.createdAt;
  return {
    id: randomUUID(),
    subscriptionId: sub.id,
    periodKey,
    target: sub.target,
    digest: emptyDigest(sub.timezone, createdAt),
    status: 'pending',
    attempts: 0,
    availableAt: createdAt,
    messageIds: [],
    lastError: null,
    createdAt,
    sentAt: null,
    ...patch,
  };
}

export function articleRecord(id: string, feedId: string, ingestedAt: string, patch: Partial<Article> = {}): Article {
  return {
    id,
    feedId,
    sourceName: 'Example News',
    url: `https://news.example/${id}`,
    title: `Title ${id}`,
    text: `Text of ${id}.`,
    publishedAt: ingestedAt,
    ingestedAt,
    language: 'en',
    summary: [`Text of ${id}.`],
    quotes: [{ text: 'We will see.', speaker: 'Jane Doe', cue: 'said' }],
    keywords: ['example'],
    excerptOnly: false,
    storyId: id,
    fingerprint: '0123456789abcdef',
    ...patch,
  };
}
