// INTERACTION_CREATE payloads as Discord sends them for slash commands and autocomplete.
import type { FakeDiscord } from './server';

export const MANAGE_GUILD = 1n << 5n;
const VIEW_AND_SEND = (1n << 10n) | (1n << 11n);

export interface Invocation {
  name: string;
  subcommand?: string;
  /** String and channel options (channel options hold the channel id). */
  options?: Record<string, string>;
  /** The option being typed, for autocomplete. */
  focused?: string;
  guildId?: string | null;
  channelId: string;
  /** The member's permissions in the channel. */
  permissions?: bigint;
  userId?: string;
}

export interface SentInteraction {
  id: string;
  token: string;
}

function optionsOf(inv: Invocation, channelIds: Set<string>) {
  const opts = Object.entries(inv.options ?? {}).map(([name, value]) => ({
    name,
    type: channelIds.has(name) ? 7 : 3,
    value,
    ...(inv.focused === name ? { focused: true } : {}),
  }));
  return inv.subcommand ? [{ name: inv.subcommand, type: 1, options: opts }] : opts;
}

/** Dispatches an interaction through the fake gateway and returns its id and token. */
export function invoke(discord: FakeDiscord, inv: Invocation, kind: 'command' | 'autocomplete' = 'command'): SentInteraction {
  const id = discord.snowflake();
  const token = `itoken-${id}`;
  const guildId = inv.guildId === undefined ? '800000000000000001' : inv.guildId;
  const user = { id: inv.userId ?? '700000000000000001', username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };
  const channelOptions = new Set(Object.keys(inv.options ?? {}).filter((k) => k === 'channel'));
  const resolvedChannels = Object.fromEntries(
    [...channelOptions].map((k) => {
      const cid = inv.options![k]!;
      return [cid, { id: cid, name: 'news', type: 0, permissions: String(VIEW_AND_SEND) }];
    }),
  );
  const payload = {
    id,
    application_id: discord.applicationId,
    type: kind === 'command' ? 2 : 4,
    token,
    version: 1,
    data: {
      id: '900000000000000001',
      name: inv.name,
      type: 1,
      options: optionsOf(inv, channelOptions),
      ...(channelOptions.size ? { resolved: { channels: resolvedChannels } } : {}),
      ...(guildId ? { guild_id: guildId } : {}),
    },
    channel_id: inv.channelId,
    channel: guildId ? { id: inv.channelId, type: 0, guild_id: guildId, name: 'general' } : { id: inv.channelId, type: 1, recipients: [user] },
    app_permissions: String(VIEW_AND_SEND),
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: guildId ? { '0': guildId } : { '1': user.id },
    context: guildId ? 0 : 1,
    attachment_size_limit: 10_485_760,
    ...(guildId
      ? {
          guild_id: guildId,
          guild_locale: 'en-US',
          guild: { id: guildId, locale: 'en-US', features: [] },
          member: { user, roles: [], permissions: String(inv.permissions ?? VIEW_AND_SEND), joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
        }
      : { user }),
  };
  discord.dispatch('INTERACTION_CREATE', payload);
  return { id, token };
}
