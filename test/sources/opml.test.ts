import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOpml, writeOpml } from '../../src/sources/feed/opml';
import { FIXTURES } from '../fakes/feed-server';

describe('OPML', () => {
  it('reads every feed of nested folders once, and reports addresses it cannot use', () => {
    const r = readOpml(readFileSync(join(FIXTURES, 'feeds.opml'), 'utf8'));
    if (!r.ok) throw r.error;
    expect(r.value.feeds).toEqual([
      { url: 'https://metro.example/city/rss', title: 'Metro Daily' },
      { url: 'https://ledger.example/feed/', title: 'The Ledger' },
      { url: 'https://dev.example/atom.xml', title: 'Dev Journal' },
    ]);
    expect(r.value.skipped).toEqual(['javascript:alert(1)']);
  });

  it('writes what it reads back', () => {
    const feeds = [
      { url: 'https://a.example/rss?x=1&y=2', title: 'A & B' },
      { url: 'https://b.example/feed', title: null },
    ];
    const again = readOpml(writeOpml(feeds));
    expect(again.ok && again.value.feeds).toEqual([feeds[0], { url: 'https://b.example/feed', title: 'https://b.example/feed' }]);
  });

  it('refuses what is not OPML, and entity declarations', () => {
    expect(readOpml('<html><body>hi</body></html>').ok).toBe(false);
    const bomb = readOpml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><opml version="2.0"><body><outline xmlUrl="https://a/&a;"/></body></opml>');
    expect(bomb.ok ? null : bomb.error.code).toBe('feed/unparseable');
  });
});
