// Slash-command interactions as platform-neutral CommandRequests: the typed options go to app/commands as they
// are, named; what a command means, who may use it and what /help says are decided there.
import type { CommandRequest } from '../../core/commands';
import { SLOW_COMMANDS } from './definitions';

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

export interface Translation {
  request: CommandRequest;
  /** Deferred at once: the command fetches or builds something. */
  slow: boolean;
}

export function toCommandRequest(view: InteractionView): Translation {
  const { channel, ...options } = view.options;
  const inGuild = view.guildId !== null;
  const request: CommandRequest = {
    // /subscribe and /unsubscribe may name another channel than the one typed in.
    target: { platform: 'discord', chatId: channel ?? view.channelId },
    chatKind: inGuild ? 'group' : 'private',
    // Discord's default permission can be widened by a server's admins: app/commands checks it again.
    isAdmin: inGuild ? view.canManageGuild : true,
    adminRole: 'members with the Manage Server permission',
    name: view.commandName,
    args: '',
    options: view.subcommand ? { ...options, subcommand: view.subcommand } : options,
  };
  const slow = SLOW_COMMANDS.has(view.commandName) || SLOW_COMMANDS.has(`${view.commandName} ${view.subcommand ?? ''}`);
  return { request, slow };
}
