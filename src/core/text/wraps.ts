// Texts flattened from print layout keep a period where each line broke ("filed the lawsuit in a Florida
// circuit . court"): the line break of the page became " . ". Such a period ends no sentence — it sits
// before a lower-case word, or after a word that cannot end one ("Cassell and . Edwards") — and read as
// one, it cuts sentences, headlines and quotes in two.

/** Words that never end an English sentence: a period after one of them is a broken line. */
const OPEN_WORDS = 'and|or|nor|but|the|a|an|of|to|in|on|at|for|with|by|from|into|onto|that|his|her|their|its|our|my|your|is|was|were|are|be|been|being|has|have|had|who|whom|whose|which|as|than|not|will|would|could|should|can|may|might|must|this|these|those|very|more|most';

const WRAP = new RegExp(`(?<=\\S) \\. (?=\\p{Ll})|(?<=(?:^|\\s)(?:${OPEN_WORDS})) \\. (?=\\S)`, 'gu');

/** The text with each broken line's period taken out (the words around it joined by one space). */
export function joinBrokenLines(text: string): string {
  if (!text.includes(' . ')) return text;
  return text.replace(WRAP, ' ');
}
