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
  /** May change this chat's settings (always true in a private chat). */
  isAdmin: boolean;
  /** Without the slash, lower-case: "subscribe". */
  name: string;
  /** The argument text as typed: "08:00 Europe/Kyiv". */
  args: string;
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

export type CommandHandler = (request: CommandRequest) => Promise<CommandReply>;

export interface CommandSpec {
  name: string;
  /** Argument synopsis for help: "[HH:MM] [Area/City]". */
  usage: string;
  description: string;
  /** Changes settings: in groups only admins may use it. */
  changesSettings: boolean;
}

export const COMMANDS: readonly CommandSpec[] = [
  { name: 'start', usage: '', description: 'What this bot does and how to begin', changesSettings: false },
  { name: 'help', usage: '', description: 'Every command, in one message', changesSettings: false },
  { name: 'subscribe', usage: '[HH:MM] [Area/City]', description: 'Get a daily digest here (optionally at a time, in a time zone)', changesSettings: true },
  { name: 'unsubscribe', usage: '', description: 'Stop the daily digest here', changesSettings: true },
  { name: 'digest', usage: '', description: 'The digest now, without waiting', changesSettings: false },
  { name: 'time', usage: 'HH:MM', description: 'When the daily digest arrives (24-hour local time)', changesSettings: true },
  { name: 'timezone', usage: 'Area/City', description: 'The time zone of the digest time, e.g. Europe/Kyiv', changesSettings: true },
  { name: 'summarize', usage: 'URL', description: 'Summarize a link (or reply to a message with /summarize)', changesSettings: false },
  { name: 'feeds', usage: '[add URL | remove URL|N]', description: 'List, add or remove this chat’s feeds', changesSettings: true },
  { name: 'topics', usage: 'word, word… | off', description: 'Only stories about these words (or all stories)', changesSettings: true },
  { name: 'settings', usage: '', description: 'This chat’s digest settings', changesSettings: false },
];
