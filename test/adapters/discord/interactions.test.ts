// Interactions as CommandRequests: targets, admin rights, and the typed options passed on as they are.
import { describe, expect, it } from 'vitest';
import { type InteractionView, toCommandRequest } from '../../../src/adapters/discord/interactions';
import { parseTimeZone, timeZoneChoices } from '../../../src/core/schedule/time';

const view = (v: Partial<InteractionView>): InteractionView => ({ commandName: 'digest', subcommand: null, options: {}, channelId: 'C', guildId: 'G', canManageGuild: true, ...v });

describe('toCommandRequest', () => {
  it('targets the channel named in the command, else the one it was typed in', () => {
    const t = toCommandRequest(view({ commandName: 'subscribe', options: { channel: 'OTHER', time: '7:30', timezone: 'Europe/Kyiv' } }));
    expect(t).toMatchObject({ slow: false, request: { target: { platform: 'discord', chatId: 'OTHER' }, name: 'subscribe', isAdmin: true, chatKind: 'group' } });
    expect(t.request.options).toEqual({ time: '7:30', timezone: 'Europe/Kyiv' });
    expect(toCommandRequest(view({ commandName: 'unsubscribe' }))).toMatchObject({ request: { target: { chatId: 'C' } } });
  });

  it('passes typed options and the subcommand on unflattened, and defers only the slow ones', () => {
    expect(toCommandRequest(view({ commandName: 'feeds', subcommand: 'add', options: { url: 'https://x.example/f' } }))).toMatchObject({ slow: true, request: { options: { subcommand: 'add', url: 'https://x.example/f' } } });
    expect(toCommandRequest(view({ commandName: 'feeds', subcommand: 'remove', options: { feed: '2' } }))).toMatchObject({ slow: false, request: { options: { subcommand: 'remove', feed: '2' } } });
    expect(toCommandRequest(view({ commandName: 'feeds', subcommand: 'list', canManageGuild: false }))).toMatchObject({ request: { isAdmin: false } });
    expect(toCommandRequest(view({ commandName: 'digest' }))).toMatchObject({ slow: true, request: { options: {} } });
    expect(toCommandRequest(view({ commandName: 'summarize', options: { url: 'https://x.example/a' } }))).toMatchObject({ slow: true, request: { options: { url: 'https://x.example/a' } } });
  });

  it('says who may change settings, and treats a direct message as private', () => {
    expect(toCommandRequest(view({ commandName: 'topics', canManageGuild: false })).request).toMatchObject({ isAdmin: false, adminRole: 'members with the Manage Server permission' });
    expect(toCommandRequest(view({ commandName: 'settings', guildId: null, canManageGuild: false }))).toMatchObject({ request: { chatKind: 'private', isAdmin: true } });
  });
});

describe('timeZoneChoices', () => {
  it('offers at most 25 zones the parser accepts, best matches first', () => {
    const choices = timeZoneChoices('new');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.value).toBe('America/New_York');
    for (const c of [...choices, ...timeZoneChoices('')]) expect(parseTimeZone(c.value).ok).toBe(true);
    expect(timeZoneChoices('kyiv').map((c) => c.value)).toContain('Europe/Kyiv');
    expect(timeZoneChoices('zzzz')).toEqual([]);
  });
});
