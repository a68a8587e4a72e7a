// A 5 MB page against the running bot, and summarizing long texts. Usage: npm run bench:robust
// 1. `tidings start` as a real process (SQLite, the fake Bot API on 127.0.0.1, a local site serving one ~5 MB
//    article page). A reader sends /summarize URL, then /feeds add URL; meanwhile another chat sends /start
//    again and again (each as soon as the last is answered). Measured: how long each /start took to be
//    answered while the page was being handled, the bot's peak resident memory, and what the reader got.
// 2. One summary of 10 KB, 100 KB, 1 MB and 5 MB of text (bench/summary/size.ts, each in a process of its own):
//    wall and CPU time and peak memory, and the time per MB from 100 KB to 5 MB (growth at most linear).
// `-- --compare DIR`: part 1 also runs DIR's bin/tidings.js (another checkout, e.g. before a change), alternated.
// Prints a table and writes bench/results/robust.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startBigPageBot } from '../../test/support/big-page-bot';

const PAGE_BYTES = 5_000_000;
const READER = { id: 101, first_name: 'Reader' };
/** Each /start comes from a chat of its own: the bot paces its replies to one chat at Telegram's 1 a second. */
let nextChat = 1000;
const otherChat = () => ({ id: nextChat++, first_name: 'Other' });

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) : 0;
};

const compareAt = process.argv.indexOf('--compare');
const builds: [string, string | undefined][] = [['this', undefined]];
if (compareAt > 0 && process.argv[compareAt + 1]) builds.push(['compared', join(process.argv[compareAt + 1]!, 'bin/tidings.js')]);

type Row = { build: string; command: string; replyMs: number; outcome: string; startProbes: number; startMedianMs: number; startP95Ms: number; startMaxMs: number; peakRssMb: number };
const rows: Row[] = [];
async function pageRun(build: string, bin: string | undefined): Promise<void> {
  const bot = await startBigPageBot(PAGE_BYTES, bin);
  const probeRow = (command: string, replyMs: number, outcome: string, probes: number[]): Row => ({
    build,
    command,
    replyMs,
    outcome,
    startProbes: probes.length,
    startMedianMs: quantile(probes, 0.5),
    startP95Ms: quantile(probes, 0.95),
    startMaxMs: Math.max(0, ...probes),
    peakRssMb: bot.memoryMb().peak,
  });
  // The baseline: /start while the bot has nothing else to do.
  const idle: number[] = [];
  for (let i = 0; i < 10; i++) idle.push((await bot.ask(otherChat(), '/start', 120_000)).ms);
  rows.push(probeRow('(idle)', 0, '', idle));
  try {
    for (const command of [`/summarize ${bot.pageUrl}`, `/feeds add ${bot.pageUrl}`]) {
      const started = performance.now();
      const pending = bot.ask(READER, command, 120_000);
      let done = false;
      void pending.finally(() => (done = true));
      const probes: number[] = [];
      while (!done) probes.push((await bot.ask(otherChat(), '/start', 120_000)).ms);
      const { reply } = await pending;
      const text = reply.text.replace(/<[^>]+>/g, '').split('\n')[0] ?? '';
      rows.push(probeRow(command.split(' ').slice(0, -1).join(' '), performance.now() - started, text.slice(0, 70), probes));
    }
  } finally {
    if (!bot.alive()) console.error(`the bot died: ${bot.stderr()}`);
    await bot.close();
  }
}
for (const [build, bin] of builds) await pageRun(build, bin);

const sizes = [10_000, 100_000, 1_000_000, 5_000_000].map((bytes) => {
  const run = spawnSync(process.execPath, ['bin/run-ts.js', 'bench/summary/size.ts', String(bytes), '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`size.ts ${bytes} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { bytes: number; ms: number; cpuMs: number; peakRssMb: number; read: number };
});

console.log(`\nA ${(PAGE_BYTES / 1e6).toFixed(0)} MB page through the running bot (another chat sends /start meanwhile); load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('build     command       reply s  /start n  median ms  p95 ms  max ms  peak RSS MB  reply');
for (const r of rows)
  console.log(`${r.build.padEnd(8)}  ${r.command.padEnd(12)} ${(r.replyMs / 1000).toFixed(1).padStart(8)}  ${String(r.startProbes).padStart(8)}  ${r.startMedianMs.toFixed(0).padStart(9)}  ${r.startP95Ms.toFixed(0).padStart(6)}  ${r.startMaxMs.toFixed(0).padStart(6)}  ${r.peakRssMb.toFixed(0).padStart(11)}  ${r.outcome}`);
console.log('\nSummarizing long texts — one summary each, in a process of its own');
console.log('size         read      wall ms   CPU ms   peak RSS MB');
for (const s of sizes) console.log(`${String(s.bytes).padStart(9)}  ${String(s.read).padStart(7)}  ${s.ms.toFixed(0).padStart(9)}  ${s.cpuMs.toFixed(0).padStart(7)}  ${s.peakRssMb.toFixed(0).padStart(12)}`);
const at = (bytes: number) => sizes.find((s) => s.bytes === bytes)!;
const perMb = (s: { ms: number; bytes: number }) => s.ms / (s.bytes / 1e6);
const growth = { msPerMb100k: perMb(at(100_000)), msPerMb5m: perMb(at(5_000_000)) };
console.log(`time per MB: ${growth.msPerMb100k.toFixed(0)} ms at 100 KB, ${growth.msPerMb5m.toFixed(0)} ms at 5 MB (at most linear when the second is not larger)`);

const pass = {
  pageUnder600Mb: rows.filter((r) => r.build === 'this').every((r) => r.peakRssMb < 600),
  startWithin1s: rows.filter((r) => r.build === 'this').every((r) => r.startMaxMs < 1000),
  summary1MbUnder2s: at(1_000_000).ms < 2000,
  summary1MbUnder300Mb: at(1_000_000).peakRssMb < 300,
  atMostLinear: growth.msPerMb5m <= growth.msPerMb100k,
};
console.log('\npass:', pass);
const out = join(import.meta.dirname, '..', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'robust.json'), `${JSON.stringify({ page: rows, sizes, growth, pass, load: loadavg(), at: new Date().toISOString() }, null, 2)}\n`);
