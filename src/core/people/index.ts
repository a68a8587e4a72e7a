// People, not strings: speaker names resolved to persons across articles, and found again by name.
export { articleContext, namesInText, type ArticleContext, type ArticleName } from './article.js';
export { sameFirstName, sameGiven } from './given.js';
export { findPerson, type Lookup } from './lookup.js';
export { fold, parseName, type ParsedName } from './name.js';
export {
  PeopleIndex,
  RESOLVE_DEFAULTS,
  resolvePerson,
  type KnownPeople,
  type Mention,
  type Person,
  type Resolution,
  type ResolveOptions,
} from './resolve.js';
