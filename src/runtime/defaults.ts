// The defaults in config/defaults.json: the operator's starting sources and digest settings.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ENTRY_WORDS } from '../core/digest/entry';
import { fromPackage } from './paths';
import { DEFAULT_MAX_FEEDS_PER_CHAT } from '../core/commands';

const Defaults = z.object({
  sources: z.array(z.string().min(1)),
  digest: z.object({ maxStories: z.number().int().min(1).max(10), quotes: z.boolean(), sendEmpty: z.boolean(), summaryWords: z.number().int().min(10).max(500).default(ENTRY_WORDS) }),
  poll: z.object({ intervalMinutes: z.number().min(1), floorMinutes: z.number().min(1), maxFailures: z.number().int().min(1) }),
  feeds: z.object({ maxPerChat: z.number().int().min(1).max(10_000) }).default({ maxPerChat: DEFAULT_MAX_FEEDS_PER_CHAT }),
});
export type Defaults = z.infer<typeof Defaults>;

export function loadDefaults(path = fromPackage('config/defaults.json')): Defaults {
  const d = Defaults.parse(JSON.parse(readFileSync(path, 'utf8')));
  // Local sources are relative to the package, so the service finds seeds/ from any directory.
  return { ...d, sources: d.sources.map((s) => (/^[a-z]+:\/\//i.test(s) ? s : fromPackage(s))) };
}
