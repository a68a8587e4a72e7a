// The one Source the app sees: local files and folders here, http(s) through the safe fetcher.
import type { Config } from '../config/env';
import { fail } from '../core/errors';
import type { Logger, Source } from '../core/ports';
import { isLocalLocation, readLocal } from '../sources/local';
import type { ReadPage, WebSource } from '../sources/web';

export function createSource(remote?: Source): Source {
  return {
    read: (location, state) => {
      if (isLocalLocation(location)) return readLocal(location, state);
      if (remote) return remote.read(location, state);
      return Promise.resolve(fail('fetch/bad-url', `I can only read local files here, not ${location}.`));
    },
    expand: async (item, feedLocation) => (remote?.expand && !isLocalLocation(feedLocation) ? remote.expand(item, feedLocation) : item),
  };
}

/**
 * Local files plus the web, with the fetcher's address policy taken from the configuration (and pages read by
 * `readPage`, a worker pool in the service; in line when absent). The web stack
 * (HTTP client, feed parser, DOM) is loaded on the first http(s) read, so commands that never fetch start fast.
 */
export function createConfiguredSource(config: Pick<Config, 'FETCH_ALLOW_PRIVATE_NETWORKS'>, log?: Logger, readPage?: ReadPage): Source & { close(): Promise<void> } {
  let web: Promise<WebSource> | null = null;
  const load = () => (web ??= import('../sources/web').then((m) => m.createWebSourceWith({ allowPrivateNetworks: config.FETCH_ALLOW_PRIVATE_NETWORKS }, log, readPage)));
  const remote: Source = {
    read: async (location, state) => (await load()).read(location, state),
    expand: async (item, feedLocation) => (await load()).expand(item, feedLocation),
  };
  return { ...createSource(remote), close: async () => (web ? (await web).close() : undefined) };
}
