// Word lists the sentence splitter needs to read news prose. Lower-case, without the final period.

/** Titles that stand before a name: a period after them never ends a sentence ("Sen. Rubio", "Dr. Smith"). */
export const NAME_TITLES = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mmes', 'dr', 'drs', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'govs', 'lt', 'gen',
  'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'cdr', 'brig', 'rev', 'hon', 'pres', 'supt',
  'atty', 'insp', 'det', 'st', 'mt', 'ft', 'fr', 'sr', 'jr', 'gens', 'msgr', 'amb', 'asst', 'assoc', 'sec', 'treas',
  'lieut', 'comdr', 'mme', 'mlle', 'dir', 'hr', 'frau',
]);

/** Months and days: a period after them ends a sentence only when a new sentence plainly starts. */
export const CALENDAR = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/** Abbreviations that may also end a sentence ("… Apple Inc. The company …"). */
export const TRAILING = new Set([
  'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'etc', 'dept', 'univ', 'assn', 'ave', 'blvd', 'rd', 'hwy',
  'approx', 'est', 'al', 'govt', 'intl', 'natl', 'cf', 'ca', 'jr', 'sr', 'esq', 'ph', 'vol', 'vols', 'pp', 'pg',
  'fig', 'figs', 'ed', 'eds', 'min', 'max', 'mins', 'hrs', 'sq', 'km', 'mi', 'oz', 'lb', 'lbs', 'ft', 'yr', 'yrs',
]);

/** Never at a sentence end in practice. */
export const NEVER_FINAL = new Set(['vs', 'v', 'e.g', 'i.e', 'viz', 'cf', 'ca', 'approx', 'no', 'nos', 'op', 'art']);

/**
 * Words that commonly open a sentence. After an ambiguous abbreviation ("U.S.", "Inc.", "p.m.") a
 * capitalized word from this list means a new sentence; a name or any other word means the sentence goes on.
 */
export const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'but', 'and', 'or', 'so', 'yet', 'still', 'now', 'then', 'this', 'that', 'these', 'those', 'there', 'here',
  'in', 'on', 'at', 'for', 'from', 'to', 'by', 'with', 'after', 'before', 'during', 'since', 'until', 'as', 'if',
  'when', 'while', 'where', 'what', 'why', 'how', 'who', 'which', 'however', 'meanwhile', 'also', 'earlier',
  'later', 'last', 'next', 'some', 'many', 'most', 'one', 'two', 'three', 'all', 'both', 'each', 'no', 'not',
  'according', 'despite', 'although', 'though', 'because', 'other', 'officials', 'analysts', 'experts', 'shares',
  'sales', 'such', 'only', 'even', 'instead', 'indeed', 'yesterday', 'today', 'tomorrow', 'overall', 'recall',
  'read', 'photo', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'do', 'does',
]);
