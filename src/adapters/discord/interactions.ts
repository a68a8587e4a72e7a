// Slash-command interactions as platform-neutral CommandRequests. Typed options are turned back into the
// argument text app/commands reads ("08:00 Europe/Kyiv", "add https://…"), after the checks only Discord's
// typed options make possible (a time in the time-zone slot, say).
import type { CommandRequest } from '../../core/commands';
import { type Document, bold, message, text } from '../../core/document';
import { CONFIG_COMMANDS, SLOW_COMMANDS } from './definitions';

/** What the adapter reads off an interaction: plain values, so the translation is testable on its own. */
export interface InteractionView {
  commandName: string;
  subcommand: string | null;
  /** String and channel options by name (a channel option holds the channel id). */
  options: Record<string, string | undefined>;
  channelId: string;
  /** Null in a direct message. */
  guildId: string | null;
  /** The member holds Manage Server (or Administrator) in this guild. */
  canManageGuild: boolean;
}

export type Translation = { kind: 'request'; request: CommandRequest; slow: boolean } | { kind: 'reply'; doc: Document; ephemeral: boolean };

const refuse = (...lines: string[]): Translation => ({ kind: 'reply', doc: message(...lines), ephemeral: true });

export function helpDocument(): Document {
  const rows: [string, string][] = [
    ['/digest', 'the digest now, without waiting'],
    ['/subscribe [channel] [time] [timezone]', 'a daily digest in a channel, e.g. time: 08:00 timezone: Europe/Kyiv'],
    ['/unsubscribe [channel]', 'stop the daily digest'],
    ['/summarize url:', 'the key sentences and the key quote of a link'],
    ['/feeds list | add url: | remove feed:', 'this channel’s own feeds'],
    ['/topics words:', 'only stories about these words, e.g. energy, elections (off: all stories)'],
    ['/settings', 'this channel’s digest settings'],
    ['/follow name: [now:]', 'a person’s new quotes in the digest (now: also posted as they appear)'],
    ['/unfollow name: · /following', 'stop following someone · whom this channel follows'],
    ['/quotes name:', 'the latest quotes by a person, with date and outlet'],
  ];
  return {
    sections: [
      {
        blocks: [
          { kind: 'paragraph', inlines: [bold('Tidings'), text(' reads the news for this channel and posts one short digest a day: each story summarized in its own words, with the key quote and who said it.')] },
          { kind: 'list', items: rows.map(([name, what]) => [bold(name), text(` — ${what}`)]) },
          { kind: 'paragraph', inlines: [text('Changing a channel’s digest needs the Manage Server permission.')] },
        ],
      },
    ],
  };
}

export function toCommandRequest(view: InteractionView): Translation {
  const o = view.options;
  const inGuild = view.guildId !== null;
  const isAdmin = inGuild ? view.canManageGuild : true;
  const name = view.commandName;
  if (name === 'help') return { kind: 'reply', doc: helpDocument(), ephemeral: false };
  // Discord's default permission can be widened by a server's admins: the handler decides again.
  if (CONFIG_COMMANDS.has(name) && !isAdmin && !(name === 'feeds' && view.subcommand === 'list')) {
    return refuse('Only members with the Manage Server permission can change this channel’s digest.');
  }

  let args = '';
  let channelId = view.channelId;
  switch (name) {
    case 'subscribe': {
      const time = o.time?.trim();
      const zone = o.timezone?.trim();
      if (time && !/^\d/.test(time)) return refuse(`“${time}” is not a time of day. Use 24-hour HH:MM, for example time: 08:00 or time: 18:30.`);
      if (zone && /^[+-]?\d/.test(zone)) return refuse(`“${zone}” is not a time zone. Use an IANA name, for example timezone: Europe/Kyiv or timezone: America/New_York.`);
      args = [time, zone].filter(Boolean).join(' ');
      channelId = o.channel ?? channelId;
      break;
    }
    case 'unsubscribe':
      channelId = o.channel ?? channelId;
      break;
    case 'summarize':
      args = o.url?.trim() ?? '';
      break;
    case 'feeds': {
      const sub = view.subcommand ?? 'list';
      args = sub === 'add' ? `add ${o.url?.trim() ?? ''}` : sub === 'remove' ? `remove ${o.feed?.trim() ?? ''}` : 'list';
      break;
    }
    case 'topics':
      args = o.words?.trim() ?? '';
      break;
    case 'follow':
      args = `${o.name?.trim() ?? ''}${o.now === 'true' ? ' now' : ''}`;
      break;
    case 'unfollow':
    case 'quotes':
      args = o.name?.trim() ?? '';
      break;
    case 'digest':
    case 'settings':
    case 'following':
      break;
    default:
      return refuse(`I don’t know /${name}. Send /help to see every command.`);
  }
  const request: CommandRequest = {
    target: { platform: 'discord', chatId: channelId },
    chatKind: inGuild ? 'group' : 'private',
    isAdmin,
    name,
    args,
  };
  const slow = SLOW_COMMANDS.has(name) || SLOW_COMMANDS.has(`${name} ${view.subcommand ?? ''}`);
  return { kind: 'request', request, slow };
}

/** Renamed zones the runtime's list may only know by their old names. */
const MODERN_NAMES = ['Europe/Kyiv', 'America/Nuuk', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'Asia/Kathmandu', 'Asia/Yangon', 'Atlantic/Faroe', 'Pacific/Kanton'];

let zones: string[] | null = null;
function allZones(): string[] {
  if (!zones) {
    const known = new Set(Intl.supportedValuesOf('timeZone'));
    for (const z of MODERN_NAMES) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: z });
        known.add(z);
      } catch {
        // not known to this runtime's ICU: leave it out
      }
    }
    known.add('UTC');
    zones = [...known].sort();
  }
  return zones;
}

/** Up to 25 time zones matching what was typed: names that start with it (or a part that does) first. */
export function timeZoneChoices(typed: string): { name: string; value: string }[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const all = allZones();
  const scored = all
    .map((z) => {
      const lz = z.toLowerCase();
      const rank = !q ? 2 : lz.startsWith(q) ? 0 : lz.split('/').some((p) => p.startsWith(q)) ? 1 : lz.includes(q) ? 2 : -1;
      return { z, rank };
    })
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.z.localeCompare(b.z));
  return scored.slice(0, 25).map(({ z }) => ({ name: z.replace(/_/g, ' '), value: z }));
}
