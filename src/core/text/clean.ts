// Lines that belong to other stories or to the page around the story, dropped before anything is stored.
// Only short lines: a whole article run into one line ("By . Associated Press . PUBLISHED: …") is a story
// with furniture in it, which the summarizer marks sentence by sentence.
import { isBoilerplate } from './index';

/** A line longer than this many words is text, whatever it opens with. */
const FURNITURE_LINE_WORDS = 40;

export function dropBoilerplateLines(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.split(/\s+/u).length > FURNITURE_LINE_WORDS || !isBoilerplate(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
