// Every fixture feed, served over HTTP from 127.0.0.1 and read through the real web source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawItem } from '../../src/core/model';
import { createWebSourceWith, type WebSource } from '../../src/sources/web';
import { type FeedServer, feedManifest, startFeedServer } from '../fakes/feed-server';

interface Expected {
  format?: string;
  items?: number;
  title?: string;
  ttlMs?: number;
  error?: string;
  urls?: (string | null)[];
  dates?: (string | null)[];
  titles?: (string | null)[];
  texts?: string[];
  first?: Partial<Record<'title' | 'url' | 'guid' | 'publishedAt' | 'author', string | null>> & { textIncludes?: string; textExcludes?: string; excerptOnly?: boolean };
}

const manifest = feedManifest() as Record<string, Expected>;
let server: FeedServer;
let source: WebSource;

beforeAll(async () => {
  server = await startFeedServer();
  source = createWebSourceWith({ allowPrivateNetworks: true });
});
afterAll(async () => {
  await source.close();
  await server.close();
});

const fill = (v: string | null | undefined) => (typeof v === 'string' ? v.replace('{base}', server.url) : v);

describe('fixture feeds', () => {
  it('has at least 30 feeds across every format', () => {
    const formats = new Set(Object.values(manifest).map((e) => e.format));
    expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(30);
    expect([...formats].filter(Boolean).sort()).toEqual(['atom', 'json', 'rdf', 'rss']);
  });

  for (const [name, exp] of Object.entries(manifest)) {
    it(name, async () => {
      const read = await source.read(`${server.url}/feeds/${name}`);
      if (exp.error) {
        expect(read.ok ? 'parsed' : read.error.code).toBe(exp.error);
        if (!read.ok) expect(read.error.userMessage).toMatch(/\w+ \w+/);
        return;
      }
      if (!read.ok) throw read.error;
      const items: RawItem[] = read.value.items;
      if (exp.items !== undefined) expect(items).toHaveLength(exp.items);
      if (exp.title) expect(read.value.title).toBe(exp.title);
      if (exp.ttlMs) expect(read.value.retryAfterMs).toBe(exp.ttlMs);
      if (exp.urls) expect(items.map((i) => i.url ?? null)).toEqual(exp.urls.map(fill));
      if (exp.dates) expect(items.map((i) => i.publishedAt ?? null)).toEqual(exp.dates);
      if (exp.titles) expect(items.map((i) => i.title ?? null)).toEqual(exp.titles);
      if (exp.texts) expect(items.map((i) => i.text)).toEqual(exp.texts);
      const first = items[0];
      const f = exp.first;
      if (!f) return;
      expect(first).toBeDefined();
      for (const key of ['title', 'url', 'guid', 'publishedAt', 'author'] as const) if (key in f) expect(first![key] ?? null).toBe(fill(f[key]));
      if (f.textIncludes) expect(first!.text).toContain(f.textIncludes);
      if (f.textExcludes) expect(first!.text).not.toContain(f.textExcludes);
      if (f.excerptOnly !== undefined) expect(first!.excerptOnly ?? false).toBe(f.excerptOnly);
      for (const item of items) expect(item.text).not.toMatch(/<\/?(p|div|b|em|script)\b/);
    });
  }
});
