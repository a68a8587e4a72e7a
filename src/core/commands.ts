// The platform-neutral shape of a chat command: adapters translate updates into a CommandRequest and render
// the reply's document; app/commands decides what happens.
import type { Document } from './document';
import type { ChatTarget } from './model';

/** The most feeds one chat may add, unless config/defaults.json (`feeds.maxPerChat`) says otherwise. */
export const DEFAULT_MAX_FEEDS_PER_CHAT = 50;

export interface CommandRequest {
  /** The chat whose settings the command reads or changes, and where the reply goes. */
  target: ChatTarget;
  chatKind: 'private' | 'group' | 'channel';
  /**
   * May change this chat's settings (always true in a private chat). A function where asking the platform costs
   * a call (a Telegram group): the router asks only when the command changes something.
   */
  isAdmin: boolean | (() => Promise<boolean>);
  /** Who may change settings here, as the platform names them ("members with the Manage Server permission"). */
  adminRole?: string;
  /** Without the slash, lower-case: "subscribe". */
  name: string;
  /** The argument text as typed: "08:00 Europe/Kyiv" (platforms where arguments are text). */
  args: string;
  /**
   * Arguments the platform already parsed and named (Discord's slash options: `{ time: "08:00" }`, the
   * subcommand as `subcommand`); present, even empty, on such platforms, and then `args` is not read.
   */
  options?: CommandOptions;
  /**
   * How replies name the target when it is not the chat the command was sent in (a channel managed from a
   * private chat: "@news"); null or absent when the command is about the chat it came from.
   */
  targetLabel?: string | null;
  /** The text of the message this command replies to, if any (Telegram's reply-to). */
  replyToText?: string | null;
}

export interface CommandReply {
  doc: Document;
  /** Shown only to the person who asked, where the platform can (Discord errors). */
  ephemeral?: boolean;
}

/** A value offered while an option is typed. */
export interface Choice {
  name: string;
  value: string;
}

/** Typed options by name; a channel option holds the channel id. */
export type CommandOptions = Readonly<Record<string, string | undefined>>;

export interface CommandHandler {
  (request: CommandRequest): Promise<CommandReply>;
  /** Whether this person may run this command with these arguments (so a platform defers only what will run). */
  permits?(request: CommandRequest): Promise<boolean>;
  /** Up to 25 values to offer while an option is typed (Discord's autocomplete); none for other options. */
  choices?(option: string, typed: string): Choice[] | Promise<Choice[]>;
}

export interface CommandSpec {
  name: string;
  /** Argument synopsis for help where arguments are text: "[HH:MM] [Area/City]". */
  usage: string;
  /** The synopsis where arguments are typed options (Discord): "[channel] [time] [timezone]"; null: not offered there. */
  optionsUsage: string | null;
  description: string;
  /** Changes settings: in groups only admins may use it. */
  changesSettings: boolean;
}

export const COMMANDS: readonly CommandSpec[] = [
  { name: 'start', usage: '', optionsUsage: null, description: 'What this bot does and how to begin', changesSettings: false },
  { name: 'help', usage: '', optionsUsage: '', description: 'Every command, in one message', changesSettings: false },
  { name: 'subscribe', usage: '[HH:MM] [Area/City]', optionsUsage: '[channel] [time] [timezone]', description: 'Get a daily digest here (optionally at a time, in a time zone)', changesSettings: true },
  { name: 'unsubscribe', usage: '', optionsUsage: '[channel]', description: 'Stop the daily digest here', changesSettings: true },
  { name: 'digest', usage: '', optionsUsage: '', description: 'The digest now, without waiting', changesSettings: false },
  { name: 'time', usage: 'HH:MM', optionsUsage: null, description: 'When the daily digest arrives (24-hour local time)', changesSettings: true },
  { name: 'timezone', usage: 'Area/City', optionsUsage: null, description: 'The time zone of the digest time, e.g. Europe/Kyiv', changesSettings: true },
  { name: 'summarize', usage: 'URL', optionsUsage: 'url:', description: 'Summarize a link (or reply to a message with /summarize)', changesSettings: false },
  { name: 'feeds', usage: '[add URL | remove URL|N]', optionsUsage: 'list | add url: | remove feed:', description: 'List, add or remove this chat’s feeds', changesSettings: true },
  { name: 'topics', usage: 'word, word… | off', optionsUsage: '[words:]', description: 'Only stories about these words (or all stories)', changesSettings: true },
  { name: 'settings', usage: '', optionsUsage: '', description: 'This chat’s digest settings', changesSettings: false },
  { name: 'follow', usage: 'NAME [now]', optionsUsage: 'name: [now:]', description: 'Put a person’s new quotes in the digest (now: also an alert at each)', changesSettings: true },
  { name: 'unfollow', usage: 'NAME', optionsUsage: 'name:', description: 'Stop following a person', changesSettings: true },
  { name: 'following', usage: '', optionsUsage: '', description: 'The people this chat follows', changesSettings: false },
  { name: 'quotes', usage: 'NAME', optionsUsage: 'name:', description: 'The latest quotes by a person across this chat’s feeds', changesSettings: false },
];
