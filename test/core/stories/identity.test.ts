import { describe, expect, it } from 'vitest';
import { canonicalUrl, itemIdentity } from '../../../src/core/stories/identity';

describe('canonicalUrl', () => {
  it('lower-cases the host, drops the fragment and tracking parameters, keeps the rest', () => {
    expect(canonicalUrl('HTTPS://News.Example.COM/Story/1?utm_source=rss&id=7&fbclid=abc&utm_medium=x#comments')).toBe('https://news.example.com/Story/1?id=7');
    expect(canonicalUrl('https://news.example.com:443/a?b=2&a=1')).toBe('https://news.example.com/a?a=1&b=2');
    expect(canonicalUrl('mailto:x@example.org')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
  });
});

describe('itemIdentity', () => {
  const feed = 'https://feed.example/rss';

  it('uses the GUID, scoped to its feed', () => {
    const a = itemIdentity({ guid: '42', text: 'x' }, feed);
    expect(a).toMatch(/^guid:/);
    expect(itemIdentity({ guid: '42', text: 'changed text', title: 'changed title' }, feed)).toBe(a);
    expect(itemIdentity({ guid: '42', text: 'x' }, 'https://other.example/rss')).not.toBe(a);
  });

  it('treats a GUID that is a URL, and a bare link, as the canonical URL shared across feeds', () => {
    const byGuid = itemIdentity({ guid: 'https://news.example/a?utm_source=rss', text: 'x' }, feed);
    const byLink = itemIdentity({ url: 'https://NEWS.example/a#top', text: 'y' }, 'https://other.example/feed');
    expect(byGuid).toBe('url:https://news.example/a');
    expect(byLink).toBe(byGuid);
  });

  it('falls back to a content hash that survives an edited title', () => {
    const before = itemIdentity({ title: 'Mayor resigns', text: 'The mayor resigned on Monday.' }, feed);
    const after = itemIdentity({ title: 'Mayor resigns after scandal', text: 'The mayor  resigned on Monday.\n' }, feed);
    expect(before).toMatch(/^hash:/);
    expect(after).toBe(before);
    expect(itemIdentity({ title: 'x', text: 'Another story.' }, feed)).not.toBe(before);
  });

  it('does not merge two items that have only different titles', () => {
    expect(itemIdentity({ title: 'One', text: '' }, feed)).not.toBe(itemIdentity({ title: 'Two', text: '' }, feed));
  });
});
