// Row types of the schema in ../migrations, as Kysely sees them.
export interface FeedRow {
  id: string;
  url: string;
  title: string | null;
  global: number;
  enabled: number;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string | null;
  failures: number;
  last_error: string | null;
  created_at: string;
}

export interface ArticleRow {
  id: string;
  feed_id: string | null;
  source_name: string;
  url: string | null;
  title: string;
  text: string;
  published_at: string;
  ingested_at: string;
  language: string;
  summary: string;
  quotes: string;
  keywords: string;
  excerpt_only: number;
  story_id: string;
  fingerprint: string;
  /** Ingest sequence: increases in commit order (assigned on insert). */
  seq: number | null;
}

export interface SubscriptionRow {
  id: string;
  target_key: string;
  target: string;
  time: string;
  timezone: string;
  topics: string;
  max_stories: number;
  quotes: number;
  send_empty: number;
  active: number;
  covered_until: string | null;
  created_at: string;
  /** The last article sequence number a scheduled digest covered. */
  covered_seq: number | null;
  /** When the next scheduled digest is due (core/schedule/due nextDueAt); null when inactive. */
  next_due_at: string | null;
}

export interface OutboxDbRow {
  id: string;
  subscription_id: string;
  period_key: string;
  target: string;
  digest: string;
  status: string;
  attempts: number;
  available_at: string;
  message_ids: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** The process that claimed the row (a heartbeat holder), null when nobody holds it. */
  holder: string | null;
}

export interface PersonRow {
  id: string;
  name: string;
  key: string;
  given: string;
  suffix: string | null;
  aliases: string;
  roles: string;
  gender: string | null;
  mentions: number;
  last_seen: string | null;
}

export interface QuoteRow {
  id: string;
  person_id: string;
  text: string;
  cue: string | null;
  published_at: string;
  seen_at: string;
}

export interface QuoteArticleRow {
  quote_id: string;
  article_id: string;
  outlet: string;
  url: string | null;
  published_at: string;
  seen_at: string;
}

export interface FollowRow {
  target_key: string;
  target: string;
  person_id: string;
  alerts: number;
  alerted_until: string;
  created_at: string;
}

export interface Database {
  feeds: FeedRow;
  chat_feeds: { target_key: string; target: string; feed_id: string; added_at: string };
  stories: { id: string; first_seen_at: string };
  articles: ArticleRow;
  article_feeds: { article_id: string; feed_id: string; seen_at: string };
  subscriptions: SubscriptionRow;
  outbox: OutboxDbRow;
  heartbeats: { holder: string; beat_at: string };
  people: PersonRow;
  person_aliases: { alias: string; person_id: string };
  quotes: QuoteRow;
  quote_articles: QuoteArticleRow;
  follows: FollowRow;
  quote_alerts: { outbox_id: string; target_key: string; person_id: string; quotes: number; created_at: string };
  first_run: { step: string; done_at: string };
  work_attempts: { key: string; feed_id: string | null; attempts: number; last_error: string | null; quarantined_at: string | null; updated_at: string };
}
