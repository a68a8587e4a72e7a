// Every setting Tidings reads, in one table: default, meaning, and whether it is a secret.
// Read once at start; a bad value stops the process with one line that names the variable.
import { z } from 'zod';
import { TidingsError } from '../core/errors';
import { parseTimeOfDay, parseTimeZone } from '../core/schedule/time';

const url = (what: string) =>
  z.string().refine((v) => /^https?:\/\/[^\s/]+/.test(v), { message: `must be an http(s) URL of ${what}, e.g. https://example.org` });
const bool = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const fromResult = (parse: typeof parseTimeOfDay) =>
  z.string().transform((v, ctx) => {
    const r = parse(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.error.userMessage });
    return z.NEVER;
  });

interface Setting<T extends z.ZodTypeAny> {
  schema: T;
  default?: string;
  meaning: string;
  secret?: boolean;
}
const setting = <S extends Setting<z.ZodTypeAny>>(s: S): S => s;

export const SETTINGS = {
  DATABASE_URL: setting({
    schema: z.string().refine((v) => /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(v), {
      message: 'must be sqlite:PATH (e.g. sqlite:./data/tidings.db) or postgres://user@host:5432/db',
    }),
    default: 'sqlite:./data/tidings.db',
    meaning: 'sqlite:PATH (embedded default) or postgres://…',
    secret: true,
  }),
  REDIS_URL: setting({
    schema: z.string().refine((v) => /^rediss?:\/\/.+/.test(v), { message: 'must be redis://host:6379' }),
    meaning: 'set: queue mode (BullMQ) so several processes share the work',
    secret: true,
  }),
  TELEGRAM_BOT_TOKEN: setting({
    schema: z.string().regex(/^\d+:[\w-]{20,}$/, 'must look like 123456789:AAE… (the token @BotFather gave you)'),
    meaning: 'enables the Telegram adapter',
    secret: true,
  }),
  TELEGRAM_API_ROOT: setting({ schema: url('a Bot API server'), default: 'https://api.telegram.org', meaning: 'a self-hosted Bot API server, or a test server' }),
  TELEGRAM_WEBHOOK_URL: setting({ schema: url('this service, as Telegram reaches it'), meaning: 'webhook mode instead of long polling' }),
  TELEGRAM_WEBHOOK_SECRET: setting({
    schema: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1–256 characters of A–Z, a–z, 0–9, _ and -'),
    meaning: 'the secret Telegram sends in X-Telegram-Bot-Api-Secret-Token',
    secret: true,
  }),
  TELEGRAM_MAX_PER_SECOND: setting({
    schema: z.coerce.number({ message: 'must be a number of messages per second' }).int().min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
    default: '30',
    meaning: 'overall Telegram send limit, messages per second (raise only with paid broadcasts)',
  }),
  DISCORD_TOKEN: setting({ schema: z.string().min(20, 'must be the bot token from the Discord developer portal'), meaning: 'enables the Discord adapter', secret: true }),
  DISCORD_APPLICATION_ID: setting({
    schema: z.string().regex(/^\d{17,20}$/, 'is not an application id: a real one has 17–20 digits (developer portal, General Information, Application ID)'),
    meaning: 'the Discord application (needed with DISCORD_TOKEN)',
  }),
  DISCORD_API_ROOT: setting({ schema: url('a Discord REST API'), default: 'https://discord.com/api', meaning: 'REST base (a REST proxy, or a test server)' }),
  DISCORD_GUILD_ID: setting({ schema: z.string().regex(/^\d{5,25}$/, 'must be a numeric guild id'), meaning: 'register commands in one guild (development)' }),
  DIGEST_TIME: setting({ schema: fromResult(parseTimeOfDay), default: '08:00', meaning: 'default local time of a new subscription (HH:MM)' }),
  DIGEST_TIMEZONE: setting({ schema: fromResult(parseTimeZone), default: 'UTC', meaning: 'default IANA time zone of a new subscription' }),
  FETCH_ALLOW_PRIVATE_NETWORKS: setting({ schema: bool, default: 'false', meaning: 'allow fetching loopback/private addresses (self-hosted feeds, tests)' }),
  HTTP_PORT: setting({
    schema: z.coerce.number({ message: 'must be a port number' }).int().min(1, 'must be a port number from 1 to 65535').max(65535, 'must be a port number from 1 to 65535'),
    meaning: 'serve /healthz, /metrics and the Telegram webhook on this port',
  }),
  LOG_LEVEL: setting({
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }),
    default: 'info',
    meaning: 'pino level; tokens never appear in any log line',
  }),
} as const;

type Settings = typeof SETTINGS;
type Value<K extends keyof Settings> = z.output<Settings[K]['schema']>;
export type Config = Readonly<{
  [K in keyof Settings]: Settings[K] extends { default: string } ? Value<K> : Value<K> | undefined;
}>;

/** A wrong or refused setting: one line that names the variable (the CLI exits 2). */
export const configError = (message: string, hint: string | null = null): TidingsError => new TidingsError('config/invalid', message, {}, hint);

/** Validates an environment into a frozen Config; throws a config/invalid TidingsError with one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(SETTINGS) as [keyof Settings, Setting<z.ZodTypeAny>][]) {
    const raw = env[name]?.trim() ? env[name] : s.default;
    if (raw === undefined) continue;
    const parsed = s.schema.safeParse(raw);
    if (!parsed.success) {
      const shown = s.secret ? '(hidden)' : JSON.stringify(raw);
      throw configError(`${name}=${shown} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
    }
    out[name] = parsed.data;
  }
  if (out.DISCORD_TOKEN && !out.DISCORD_APPLICATION_ID) throw configError('DISCORD_APPLICATION_ID must be set together with DISCORD_TOKEN');
  if (out.TELEGRAM_WEBHOOK_URL && !out.HTTP_PORT) throw configError('HTTP_PORT must be set in webhook mode (TELEGRAM_WEBHOOK_URL is set)');
  return Object.freeze(out) as Config;
}

/** The values that must never be logged: passed to the logger's redaction. */
export function secretsOf(config: Config): string[] {
  return (Object.keys(SETTINGS) as (keyof Settings)[])
    .filter((k) => (SETTINGS[k] as Setting<z.ZodTypeAny>).secret && typeof config[k] === 'string' && !(config[k]).startsWith('sqlite:'))
    .map((k) => config[k] as string);
}

/** Reads .env (without overriding the real environment) and the process environment. */
export async function configFromProcess(): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  return loadConfig(process.env);
}
