// Lines that belong to other stories or to the page around the story, dropped before anything is stored.
import { isBoilerplate } from './index';

export function dropBoilerplateLines(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !isBoilerplate(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
