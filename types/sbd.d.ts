// sbd (a sentence boundary detector) is a benchmark baseline only; it ships no types.
declare module 'sbd' {
  export function sentences(text: string, options?: Record<string, unknown>): string[];
}
