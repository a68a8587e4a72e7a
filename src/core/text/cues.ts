// Verbs and phrases that attribute speech. The sentence splitter uses them to keep `"Why?" he asked.`
// in one sentence; the quote extractor uses them to find who spoke.

const CUE_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'stated', 'states', 'emphasized',
  'emphasised', 'emphasizes', 'stressed', 'stresses', 'acknowledged', 'acknowledges', 'asked', 'asks', 'explained',
  'explains', 'wrote', 'writes', 'continued', 'continues', 'argued', 'argues', 'insisted', 'insists', 'declared',
  'declares', 'replied', 'replies', 'responded', 'responds', 'recalled', 'recalls', 'warned', 'warns', 'claimed',
  'claims', 'admitted', 'admits', 'announced', 'announces', 'observed', 'remarked', 'commented', 'suggested',
  'suggests', 'tweeted', 'tweets', 'posted', 'wrote', 'concluded', 'conceded', 'concedes', 'agreed', 'agrees',
  'confirmed', 'confirms', 'predicted', 'predicts', 'promised', 'promises', 'joked', 'jokes', 'quipped', 'shouted',
  'yelled', 'cried', 'exclaimed', 'whispered', 'pointed out', 'points out', 'went on', 'goes on', 'summed up',
  'added that', 'mused', 'countered', 'counters', 'retorted', 'boasted', 'boasts', 'complained', 'complains',
  'lamented', 'laments', 'charged', 'charges', 'alleged', 'alleges', 'assured', 'assures', 'reiterated',
  'reiterates', 'testified', 'testifies', 'reported', 'reports', 'urged', 'urges', 'demanded', 'demands',
  'according to', 'describes', 'described', 'called', 'calls', 'thinks', 'thought', 'believes', 'believed',
  'contended', 'contends', 'maintained', 'maintains', 'underlined', 'underscored', 'highlighted', 'announced',
  'elaborated', 'offered', 'recounted', 'remembered', 'sighed', 'snapped', 'stated', 'vowed', 'vows',
  'fumed', 'gloated', 'wondered', 'cautioned', 'cautions', 'scoffed', 'marveled', 'marvelled', 'deadpanned',
  'put it', 'puts it', 'chimed in', 'shot back', 'fired back', 'piped up', 'proclaimed', 'declared', 'announced',
  'texted', 'emailed', 'messaged', 'blogged', 'answered', 'answers', 'objected', 'interjected', 'interrupted',
  'saying', 'adding', 'telling', 'noting', 'arguing', 'asking', 'writing', 'explaining', 'warning', 'insisting',
  'declaring', 'stating', 'tweeting', 'calling', 'recalling', 'acknowledging', 'emphasizing', 'stressing',
  'according to', 'as quoted by',
];

/** Cue words sorted longest first, so "pointed out" wins over a shorter match. */
export const CUES: readonly string[] = [...new Set(CUE_VERBS)].sort((a, b) => b.length - a.length);

const cueAlternation = CUES.map((cue) => cue.replace(/ /gu, '\\s+')).join('|');

/** Matches one cue as a whole word or phrase. Case-insensitive. */
export const CUE_PATTERN = new RegExp(`(?<![\\p{L}])(?:${cueAlternation})(?![\\p{L}])`, 'iu');

/** Text right after a closing quotation mark that attributes it: `he asked`, `Smith said`, `said Smith`. */
export const ATTRIBUTION_AFTER_QUOTE = new RegExp(
  `^[\\s,]+(?:(?:[\\p{Lu}][\\p{L}'’.\\-]*|he|she|they|we|i|the|a|an|of|and|de|van|von|later|also|then|once|again|earlier|recently|previously|[\\p{Ll}]+ly|[\\p{Ll}]+(?=\\s+[\\p{Lu}]))\\s+){0,6}?(?:${cueAlternation})(?![\\p{L}])`,
  'u',
);
