// Discord adapter speed: rendering a digest into messages, the interaction round trip through the real
// discord.js client, and fan-out of scheduled digests over its REST queue — all against the fake Discord.
// Prints a table and writes JSON to bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { renderDocument } from '../../src/adapters/discord/render';
import { deliveryDocument } from '../../src/core/digest/document';
import type { Digest } from '../../src/core/model';
import { fromPackage } from '../../src/runtime/paths';
import { invoke } from '../../test/fakes/discord/interactions';
import { startHarness } from '../../test/adapters/discord/harness';

const digest = (stories: number): Digest => ({
  timezone: 'Europe/Berlin',
  since: '2026-11-27T07:00:00Z',
  until: '2026-11-28T07:00:00Z',
  generatedAt: '2026-11-28T07:00:00Z',
  entries: Array.from({ length: stories }, (_, n) => ({
    storyId: `s${n}`,
    headline: `Story ${n}: the council *approves* the new works`,
    url: `https://news.example/story-${n}`,
    publishedAt: '2026-11-27T06:00:00Z',
    summary: ['The council approved stage two of the works on Tuesday after a long debate. '.repeat(12).trim()],
    quote: { text: 'We will finish the bridge by spring and not a day later', speaker: 'Anna Kovalenko', cue: 'said' },
    sources: [{ name: 'News Example', url: 'https://news.example' }],
    excerptOnly: false,
  })),
});

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main(): Promise<void> {
  const rows: { case: string; n: number; value: number; unit: string; note: string }[] = [];

  // 1. Rendering.
  const doc = deliveryDocument(digest(10));
  const parts = renderDocument(doc).length;
  const renders = 2000;
  for (let i = 0; i < 200; i++) renderDocument(doc);
  let t0 = performance.now();
  for (let i = 0; i < renders; i++) renderDocument(doc);
  rows.push({ case: 'render 10-story digest', n: renders, value: ((performance.now() - t0) * 1000) / renders, unit: 'µs/digest', note: `${parts} messages each` });

  const h = await startHarness();
  try {
    // 2. Interaction round trip: gateway dispatch → handler → interaction callback.
    const rounds = 200;
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      const { token } = invoke(h.discord, { name: i % 2 ? 'help' : 'settings', channelId: '590000000000000001' });
      await h.discord.waitFor(() => h.discord.interactionTraffic(token)[0]);
      times.push(performance.now() - start);
    }
    rows.push({ case: 'interaction → callback p50', n: rounds, value: pct(times, 50), unit: 'ms', note: '/help and /settings alternately' });
    rows.push({ case: 'interaction → callback p95', n: rounds, value: pct(times, 95), unit: 'ms', note: '' });

    // 3. Fan-out: one digest to many channels at once, through discord.js's REST queue.
    const channels = 100;
    const before = h.discord.posts.length;
    t0 = performance.now();
    const outcomes = await Promise.all(Array.from({ length: channels }, (_, i) => h.bot.sink.send({ platform: 'discord', chatId: String(591000000000000000n + BigInt(i)) }, doc)));
    const seconds = (performance.now() - t0) / 1000;
    const posts = h.discord.posts.length - before;
    const sent = outcomes.filter((o) => o.kind === 'sent').length;
    rows.push({ case: 'fan-out channel posts', n: posts, value: posts / seconds, unit: 'posts/s', note: `${channels} channels × ${parts} parts in ${seconds.toFixed(1)} s; ${sent} sent` });
  } finally {
    await h.close();
  }

  const width = Math.max(...rows.map((r) => r.case.length));
  process.stdout.write(`${'case'.padEnd(width)}  ${'n'.padStart(6)}  ${'value'.padStart(10)}  unit        note\n`);
  for (const r of rows) process.stdout.write(`${r.case.padEnd(width)}  ${String(r.n).padStart(6)}  ${r.value.toFixed(2).padStart(10)}  ${r.unit.padEnd(10)}  ${r.note}\n`);
  const dir = fromPackage('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/discord-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify({ node: process.version, at: new Date().toISOString(), rows }, null, 2)}\n`);
  process.stdout.write(`\nwritten: ${file}\n`);
}

await main();
