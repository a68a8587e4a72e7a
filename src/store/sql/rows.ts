// Mapping between stored rows and the core model.
import type { Article, ChatTarget, Feed, OutboxRow, OutboxStatus, Subscription } from '../../core/model';
import { nextDueAt } from '../../core/schedule/due';
import type { ArticleRow, FeedRow, OutboxDbRow, SubscriptionRow } from './schema';

/** One string per chat target: the unique key of subscriptions and chat feeds. */
/** A JSON column holds what the matching `from…` function wrote: its type is the field it fills. */
const fromJson = <T>(text: string): T => JSON.parse(text) as T;

export const targetKey = (t: ChatTarget): string => `${t.platform}:${t.chatId}${t.threadId ? `:${t.threadId}` : ''}`;
export const targetJson = (t: ChatTarget): string => JSON.stringify({ platform: t.platform, chatId: t.chatId, threadId: t.threadId ?? null });

export const toFeed = (r: FeedRow): Feed => ({
  id: r.id,
  url: r.url,
  title: r.title,
  global: r.global === 1,
  enabled: r.enabled === 1,
  etag: r.etag,
  lastModified: r.last_modified,
  nextPollAt: r.next_poll_at,
  failures: r.failures,
  lastError: r.last_error,
  createdAt: r.created_at,
});

export function fromFeedPatch(p: Partial<Omit<Feed, 'id' | 'createdAt'>>): Partial<FeedRow> {
  const row: Partial<FeedRow> = {};
  if (p.url !== undefined) row.url = p.url;
  if (p.title !== undefined) row.title = p.title;
  if (p.global !== undefined) row.global = p.global ? 1 : 0;
  if (p.enabled !== undefined) row.enabled = p.enabled ? 1 : 0;
  if (p.etag !== undefined) row.etag = p.etag;
  if (p.lastModified !== undefined) row.last_modified = p.lastModified;
  if (p.nextPollAt !== undefined) row.next_poll_at = p.nextPollAt;
  if (p.failures !== undefined) row.failures = p.failures;
  if (p.lastError !== undefined) row.last_error = p.lastError;
  return row;
}

export const toArticle = (r: ArticleRow): Article => ({
  id: r.id,
  feedId: r.feed_id,
  sourceName: r.source_name,
  url: r.url,
  title: r.title,
  text: r.text,
  publishedAt: r.published_at,
  ingestedAt: r.ingested_at,
  language: r.language,
  summary: fromJson(r.summary),
  quotes: fromJson(r.quotes),
  keywords: fromJson(r.keywords),
  excerptOnly: r.excerpt_only === 1,
  storyId: r.story_id,
  fingerprint: r.fingerprint,
});

export const fromArticle = (a: Article): ArticleRow => ({
  id: a.id,
  feed_id: a.feedId,
  source_name: a.sourceName,
  url: a.url,
  title: a.title,
  text: a.text,
  published_at: a.publishedAt,
  ingested_at: a.ingestedAt,
  language: a.language,
  summary: JSON.stringify(a.summary),
  quotes: JSON.stringify(a.quotes),
  keywords: JSON.stringify(a.keywords),
  excerpt_only: a.excerptOnly ? 1 : 0,
  story_id: a.storyId,
  fingerprint: a.fingerprint,
  seq: null, // assigned by the insert
});

export const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  target: fromJson(r.target),
  time: r.time,
  timezone: r.timezone,
  topics: fromJson(r.topics),
  maxStories: r.max_stories,
  quotes: r.quotes === 1,
  sendEmpty: r.send_empty === 1,
  active: r.active === 1,
  coveredUntil: r.covered_until,
  ...(r.covered_seq !== null ? { coveredSeq: r.covered_seq } : {}),
  createdAt: r.created_at,
});

export const fromSubscription = (s: Subscription): SubscriptionRow => ({
  id: s.id,
  target_key: targetKey(s.target),
  target: targetJson(s.target),
  time: s.time,
  timezone: s.timezone,
  topics: JSON.stringify(s.topics),
  max_stories: s.maxStories,
  quotes: s.quotes ? 1 : 0,
  send_empty: s.sendEmpty ? 1 : 0,
  active: s.active ? 1 : 0,
  covered_until: s.coveredUntil,
  created_at: s.createdAt,
  covered_seq: s.coveredSeq ?? null,
  next_due_at: nextDueAt(s),
});

export const toOutbox = (r: OutboxDbRow): OutboxRow => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  periodKey: r.period_key,
  target: fromJson(r.target),
  digest: fromJson(r.digest),
  status: r.status as OutboxStatus,
  attempts: r.attempts,
  availableAt: r.available_at,
  messageIds: fromJson(r.message_ids),
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

export const fromOutbox = (o: OutboxRow): OutboxDbRow => ({
  id: o.id,
  subscription_id: o.subscriptionId,
  period_key: o.periodKey,
  target: targetJson(o.target),
  digest: JSON.stringify(o.digest),
  status: o.status,
  attempts: o.attempts,
  available_at: o.availableAt,
  message_ids: JSON.stringify(o.messageIds),
  last_error: o.lastError,
  created_at: o.createdAt,
  sent_at: o.sentAt,
  holder: null,
});
