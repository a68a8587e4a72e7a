// A web page given as a digest's source (`tidings digest --source URL`): the article's own date, the full text of a
// page marked paid that carries it, and never a word about a feed that was not involved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/core/document';
import { digestDocument } from '../../src/core/digest/document';
import { digestOf } from '../../src/runtime/oneshot';
import { createWebSourceWith, type WebSource } from '../../src/sources/web';
import { type FeedServer, startFeedServer } from '../fakes/feed-server';

let server: FeedServer;
let source: WebSource;
const clock = { now: () => new Date('2025-06-12T08:00:00Z') };

beforeAll(async () => {
  server = await startFeedServer();
  source = createWebSourceWith({ allowPrivateNetworks: true });
});
afterAll(async () => {
  await source.close();
  await server.close();
});

describe('a digest of one page', () => {
  it('summarizes the full text of a page marked paid, under the date the page states', async () => {
    const { digest, errors } = await digestOf([`${server.url}/pages/paywall-full-text.html`], source, clock, 5, 'UTC');
    expect(errors).toEqual([]);
    const [entry] = digest.entries;
    expect(entry?.excerptOnly).toBe(false);
    expect(entry?.publishedAt).toBe('2025-06-10T11:30:00.000Z');
    const text = toPlainText(digestDocument(digest));
    expect(text).toContain('10 Jun 2025');
    expect(text).not.toMatch(/excerpt/i);
  });

  it('says a teaser page was summarized from an excerpt without calling it a feed', async () => {
    const { digest } = await digestOf([`${server.url}/pages/paywall.html`], source, clock, 5, 'UTC');
    expect(digest.entries[0]?.excerptOnly).toBe(true);
    const text = toPlainText(digestDocument(digest));
    expect(text).toMatch(/Summary from an excerpt/);
    expect(text).not.toMatch(/feed/i);
  });
});
