// The one Source the app sees: local files and folders here, http(s) through the safe fetcher.
import type { Config } from '../config/env';
import { fail } from '../core/errors';
import type { Source } from '../core/ports';
import { isLocalLocation, readLocal } from '../sources/local';
import { type WebSource, createWebSourceWith } from '../sources/web';

export function createSource(remote?: Source): Source {
  return {
    read: (location, state) => {
      if (isLocalLocation(location)) return readLocal(location, state);
      if (remote) return remote.read(location, state);
      return Promise.resolve(fail('fetch/bad-url', `I can only read local files here, not ${location}.`));
    },
  };
}

/** Local files plus the web, with the fetcher's address policy taken from the configuration. */
export function createConfiguredSource(config: Pick<Config, 'FETCH_ALLOW_PRIVATE_NETWORKS'>): Source & { close(): Promise<void> } {
  const web: WebSource = createWebSourceWith({ allowPrivateNetworks: config.FETCH_ALLOW_PRIVATE_NETWORKS });
  return { ...createSource(web), close: () => web.close() };
}
