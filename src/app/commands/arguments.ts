// Each command's arguments as typed values, from the text a person typed (Telegram) or from the options the
// platform already typed (Discord's slash options): the handlers never split text themselves.
import type { CommandRequest } from '../../core/commands';

export interface SubscribeArgs {
  time: string | null;
  zone: string | null;
  /** A value in the wrong slot (a word for the time, an offset for the zone): what to tell the person. */
  misplaced: string | null;
}

export interface FeedsArgs {
  verb: string;
  /** The URL to add, or the URL or number to remove. */
  subject: string;
}

const typed = (req: CommandRequest, name: string): string => req.options?.[name]?.trim() ?? '';

export function subscribeArgs(req: CommandRequest): SubscribeArgs {
  if (req.options) {
    const time = typed(req, 'time') || null;
    const zone = typed(req, 'timezone') || null;
    if (time && !/^\d/.test(time)) return { time, zone, misplaced: `“${time}” is not a time of day. Use 24-hour HH:MM, for example time: 08:00 or time: 18:30.` };
    if (zone && /^[+-]?\d/.test(zone)) return { time, zone, misplaced: `“${zone}” is not a time zone. Use an IANA name, for example timezone: Europe/Kyiv or timezone: America/New_York.` };
    return { time, zone, misplaced: null };
  }
  let time: string | null = null;
  let zone: string | null = null;
  for (const word of req.args.split(/\s+/).filter(Boolean)) {
    if (/^\d/.test(word)) time = word;
    else zone = word;
  }
  return { time, zone, misplaced: null };
}

export function feedsArgs(req: CommandRequest): FeedsArgs {
  if (req.options) {
    const verb = typed(req, 'subcommand') || 'list';
    return { verb, subject: verb === 'add' ? typed(req, 'url') : verb === 'remove' ? typed(req, 'feed') : '' };
  }
  const [verb = 'list', ...rest] = req.args.trim().split(/\s+/).filter(Boolean);
  return { verb, subject: rest.join(' ') };
}

/** The words of /topics, as typed ("" when only looking). */
export const topicsArgs = (req: CommandRequest): string => (req.options ? typed(req, 'words') : req.args.trim());

/** The link of /summarize ("" when none was given). */
export const summarizeArgs = (req: CommandRequest): string => (req.options ? typed(req, 'url') : req.args.trim());

/** The person of /follow, /unfollow and /quotes, and whether /follow asks for alerts ("NAME now", or now: true). */
export function personArgs(req: CommandRequest): { name: string; now: boolean } {
  if (req.options) return { name: typed(req, 'name'), now: typed(req, 'now') === 'true' };
  const m = /^(.*?)(?:\s+(now))?$/iu.exec(req.args.trim());
  return { name: m?.[1]?.trim() ?? '', now: req.name === 'follow' && m?.[2] !== undefined };
}

/** The one argument of /time and /timezone. */
export const soleArg = (req: CommandRequest): string => req.args.trim();

/** Commands that, given these arguments, only show settings: anyone may use them. */
export function onlyLooks(req: CommandRequest): boolean {
  if (req.name === 'topics') return topicsArgs(req) === '';
  if (req.name === 'feeds') return feedsArgs(req).verb === 'list';
  return false;
}
