// The `tidings` binary: parses argv and calls runtime/. Exit codes: 0 success, 1 runtime failure,
// 2 bad usage or configuration (one line on stderr, no stack trace).
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { configError, configFromProcess } from './config/env';
import type { Budget } from './core/model';
import { TidingsError, exitCodeOf, oneLine, refusal } from './core/errors';
import { toPlainText } from './core/document';
import { loadDefaults } from './runtime/defaults';
import type { Role } from './runtime/queued';
import type { readOpml as ReadOpml } from './sources/feed/opml';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

// Each command loads what it needs when it runs, so `--help` and the batch mode start fast and the service
// does not pay for modules it does not use.

/** A wrong flag or argument: one line on stderr, exit 2. */
const usage = (message: string, hint: string | null = null): TidingsError => refusal('usage/invalid', message, hint);

const ROLES: readonly Role[] = ['scheduler', 'worker', 'all'];

const USAGE = `usage: tidings <command>
  start [--role scheduler|worker|all]            run the service (Ctrl-C stops); roles need REDIS_URL
  digest [--source S]... [--max N] [--json]      one digest of the sources, printed
  summarize [--sentences N | --words N] [--json] INPUT...   (INPUT: file, URL, or - for stdin)
  summarize --jsonl [--quotes all]               JSON Lines in on stdin, out on stdout (--quotes all: every direct quote)
  feeds list | add URL | remove URL              the operator's global sources
  feeds import FILE.opml | export                 OPML in (adds every feed) and out (to stdout)
  register-commands [--guild ID]                 register the Discord slash commands (bulk overwrite)
  quotes NAME [--since 7d] [--max N] [--json]    the latest quotes by one person in the stored articles
  people [--since 7d] [--max N] [--json]         the people quoted most in that time`;

function positiveInt(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw usage(`--${flag} must be a whole number from 1 to ${max}, not "${value}"`);
  return Number(value);
}

/**
 * `--sentences -1` as `--sentences=-1`: a negative number after a flag that takes a value is that value, so it
 * gets the flag's own message ("must be a whole number from 1 to 50") rather than "argument is ambiguous".
 */
function joinNegativeValues(args: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = /^--([\w-]+)$/.exec(args[i]!)?.[1];
    const next = args[i + 1];
    if (flag && options[flag]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${args[i]}=${next}`);
      i++;
    } else out.push(args[i]!);
  }
  return out;
}

function parse<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true } as const);
  } catch (err) {
    throw usage((err as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

async function digestCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { source: { type: 'string', multiple: true }, max: { type: 'string' }, json: { type: 'boolean' } });
  const config = await configFromProcess();
  const max = positiveInt('max', values.max, 50) ?? loadDefaults().digest.maxStories;
  const sources = values.source ?? loadDefaults().sources;
  const [{ digestOf }, { createConfiguredSource }, { systemClock }, { digestDocument }] = await Promise.all([
    import('./runtime/oneshot'),
    import('./runtime/sources'),
    import('./runtime/app'),
    import('./core/digest/document'),
  ]);
  const source = createConfiguredSource(config);
  const { digest, errors } = await digestOf(sources, source, systemClock, max, config.DIGEST_TIMEZONE).finally(() => source.close());
  for (const e of errors) process.stderr.write(`tidings: ${e.source}: ${oneLine(e.error)}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(digest)}\n`);
  else process.stdout.write(`${digest.entries.length ? toPlainText(digestDocument(digest)) : 'No stories in these sources.'}\n`);
  return errors.length === sources.length ? 1 : 0;
}

async function summarizeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { sentences: { type: 'string' }, words: { type: 'string' }, json: { type: 'boolean' }, jsonl: { type: 'boolean' }, quotes: { type: 'string' } });
  if (values.quotes !== undefined && (values.quotes !== 'all' || !values.jsonl)) throw usage('--quotes takes "all", with --jsonl');
  if (values.jsonl) {
    if (positionals.length) throw usage('--jsonl reads stdin; give no INPUT');
    const { runJsonl } = await import('./runtime/jsonl');
    return runJsonl(process.stdin, process.stdout, values.quotes === 'all' ? 'all' : 'key');
  }
  if (values.sentences && values.words) throw usage('give --sentences or --words, not both');
  if (!positionals.length) throw usage('summarize needs at least one INPUT (a file, a URL, or - for stdin)');
  const words = positiveInt('words', values.words, 2000);
  const budget: Budget = words ? { words } : { sentences: positiveInt('sentences', values.sentences, 50) ?? 3 };
  const config = await configFromProcess();
  const [{ summarizeInput, summaryJson, readTextStream }, { createConfiguredSource }, { summaryDocument }] = await Promise.all([
    import('./runtime/oneshot'),
    import('./runtime/sources'),
    import('./app/commands/summary'),
  ]);
  const source = createConfiguredSource(config);
  let failures = 0;
  let refused = false;
  for (const input of positionals) {
    const r = await summarizeInput(input, source, () => readTextStream(process.stdin), budget);
    if (!r.ok) {
      failures++;
      // Too large or not text: the input itself is wrong (exit 2), as a bad flag is.
      refused ||= r.error.code === 'input/not-text' || r.error.code === 'input/too-large';
      if (values.json) process.stdout.write(`${JSON.stringify({ input, error: r.error.userMessage, code: r.error.code })}\n`);
      else process.stderr.write(`tidings: ${input}: ${oneLine(r.error)}\n`);
      continue;
    }
    if (values.json) process.stdout.write(`${JSON.stringify({ input, ...summaryJson(null, r.value) })}\n`);
    else process.stdout.write(`${toPlainText(summaryDocument(r.value, r.value.url, false))}\n\n`);
  }
  await source.close();
  return refused ? 2 : failures === positionals.length ? 1 : 0;
}

/** A local source as an absolute path (the store keeps paths absolute); a URL as given. */
const locationOf = (arg: string): string => (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg) ? arg : resolve(arg));

async function feedsCommand(args: string[]): Promise<number> {
  const [verb, url, ...extra] = args;
  if (!verb || !['list', 'add', 'remove', 'import', 'export'].includes(verb)) throw usage('feeds takes list, add URL, remove URL, import FILE.opml or export');
  if ((verb === 'list' || verb === 'export') && url) throw usage(`feeds ${verb} takes no argument`);
  if (verb !== 'list' && verb !== 'export' && (!url || extra.length)) throw usage(verb === 'import' ? 'feeds import takes one OPML file' : `feeds ${verb} takes one URL`);
  let opml: ReturnType<typeof ReadOpml> | null = null;
  const { readOpml, writeOpml } = await import('./sources/feed/opml');
  if (verb === 'import') {
    const text = await readFile(url!, 'utf8').catch(() => {
      throw usage(`cannot read ${url}`);
    });
    opml = readOpml(text);
    if (!opml.ok) throw usage(`${url}: ${opml.error.userMessage}`);
  }
  const config = await configFromProcess();
  const [{ createTidings }, feeds] = await Promise.all([import('./runtime/app'), import('./app/feeds')]);
  const t = await createTidings(config);
  try {
    if (verb === 'add') {
      const added = await feeds.addFeed(t, null, locationOf(url!));
      if (!added.ok && added.error.code === 'feed/already-added') {
        process.stdout.write(`${oneLine(added.error)}\n`);
        return 0;
      }
      if (!added.ok) throw added.error;
      const { feed, from } = added.value;
      process.stdout.write(`added ${feed.url}${from ? ` (the feed of ${from})` : ''}\n`);
    } else if (verb === 'import' && opml?.ok) {
      const n = await feeds.importFeeds(t, null, opml.value.feeds);
      for (const bad of opml.value.skipped) process.stderr.write(`tidings: skipped ${bad}: not an http(s) address\n`);
      process.stdout.write(`imported ${n} feeds\n`);
    } else if (verb === 'export') {
      const remote = (await feeds.listFeeds(t, null)).filter((f) => /^https?:\/\//i.test(f.url));
      process.stdout.write(writeOpml(remote.map((f) => ({ url: f.url, title: f.title }))));
      process.stdout.write('\n');
    } else if (verb === 'remove') {
      const removed = await feeds.removeFeed(t, null, locationOf(url!));
      if (!removed.ok) throw removed.error;
      process.stdout.write(`removed ${removed.value.url}\n`);
    } else {
      for (const f of await feeds.listFeeds(t, null)) process.stdout.write(`${f.url}${f.title ? `\t${f.title}` : ''}${f.enabled ? '' : '\t(paused)'}\n`);
    }
    return 0;
  } finally {
    await t.close();
  }
}

/** --since: "7d", "24h", "90m", "2w" → milliseconds. */
function since(value: string | undefined): number | null {
  if (value === undefined) return null;
  const m = /^(\d{1,5})([mhdw])$/.exec(value.trim());
  const ms = m ? Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm' | 'h' | 'd' | 'w'] : null;
  if (!ms) throw usage(`--since takes a number and a unit (m, h, d or w), not "${value}"`, 'for example --since 7d or --since 24h');
  return ms;
}

async function peopleCommand(name: 'quotes' | 'people', args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { since: { type: 'string' }, max: { type: 'string' }, json: { type: 'boolean' } });
  const query = positionals.join(' ').trim();
  if (name === 'quotes' && !query) throw usage('quotes needs a NAME', 'for example: tidings quotes "Marco Rubio"');
  if (name === 'people' && positionals.length) throw usage('people takes no NAME, only --since, --max and --json');
  const sinceMs = since(values.since);
  const max = positiveInt('max', values.max, 1000) ?? 20;
  const config = await configFromProcess();
  const [{ openStore }, { systemClock }, { printQuotes, printPeople }] = await Promise.all([import('./runtime/store'), import('./runtime/app'), import('./runtime/people-cli')]);
  const store = await openStore(config.DATABASE_URL);
  try {
    const json = values.json === true;
    return name === 'quotes'
      ? await printQuotes(store, systemClock, query, { sinceMs, max, json }, process.stdout, process.stderr)
      : await printPeople(store, systemClock, { sinceMs: sinceMs ?? 7 * 86_400_000, max, json }, process.stdout);
  } finally {
    await store.close();
  }
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

async function startCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { role: { type: 'string' } });
  const role = values.role ?? 'all';
  if (!isRole(role)) throw usage(`--role must be scheduler, worker or all, not "${role}"`);
  const config = await configFromProcess();
  if (role !== 'all' && !config.REDIS_URL) throw usage(`--role ${role} needs REDIS_URL (queue mode); without it one process does all the work`);
  const { runStart } = await import('./runtime/start');
  // Listen before starting: a signal during start-up must stop the service, not kill the process mid-write.
  // A signal while start-up still waits for Redis or a platform ends the wait: the start is abandoned, exit 0.
  const stopRequest = new AbortController();
  let started: Awaited<ReturnType<typeof runStart>> | null = null;
  const onSignal = () => {
    stopRequest.abort();
    void started?.stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    started = await runStart(config, { role, signal: stopRequest.signal });
  } catch (err) {
    if (stopRequest.signal.aborted) return 0;
    throw err;
  }
  if (stopRequest.signal.aborted) void started.stop();
  // A database file deleted or replaced under the running service: stop, with the one line that names it.
  const lost = await Promise.race([started.stopped.then(() => null), started.tidings.storeLost]);
  if (!lost) return 0;
  await started.stop().catch(() => undefined); // what still needs the lost store fails, and is not the news
  throw lost;
}

async function registerCommandsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { guild: { type: 'string' } });
  if (positionals.length) throw usage(`register-commands takes no arguments, only --guild ID`);
  const config = await configFromProcess();
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) throw configError('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set to register commands');
  const guild = values.guild ?? config.DISCORD_GUILD_ID ?? null;
  if (guild !== null && !/^\d{5,25}$/.test(guild)) throw usage(`--guild must be a numeric guild id, not "${guild}"`);
  const { registerDiscordCommands } = await import('./runtime/discord');
  const names = await registerDiscordCommands(config, guild);
  process.stdout.write(`registered ${names.length} commands ${guild ? `in guild ${guild}` : 'globally (they may take up to an hour to appear)'}: ${names.join(', ')}\n`);
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  start: startCommand,
  digest: digestCommand,
  summarize: summarizeCommand,
  feeds: feedsCommand,
  'register-commands': registerCommandsCommand,
  quotes: (args) => peopleCommand('quotes', args),
  people: (args) => peopleCommand('people', args),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw usage(`unknown command "${name}"; try: tidings --help`);
  // `tidings digest --help`: the usage, before the command's own flags refuse the word. (After `--`, it is an argument.)
  const ownArgs = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (ownArgs.includes('--help') || ownArgs.includes('-h')) {
    process.stdout.write(`${USAGE.split('\n').filter((line, i) => i === 0 || line.trimStart().startsWith(`${name} `) || line.trim() === name).join('\n')}\n`);
    return 0;
  }
  return command(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    // An expected failure is one line (message and hint); only a bug shows its stack.
    if (err instanceof TidingsError) {
      process.stderr.write(`tidings: ${oneLine(err)}\n`);
      process.exit(exitCodeOf(err));
    }
    process.stderr.write(`tidings: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
