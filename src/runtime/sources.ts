// The one Source the app sees: local files and folders here, http(s) through the safe fetcher.
import { fail } from '../core/errors';
import type { Source } from '../core/ports';
import { isLocalLocation, readLocal } from '../sources/local';

export function createSource(remote?: Source): Source {
  return {
    read: (location, state) => {
      if (isLocalLocation(location)) return readLocal(location, state);
      if (remote) return remote.read(location, state);
      return Promise.resolve(fail('fetch/bad-url', `I can only read local files here, not ${location}.`));
    },
  };
}
