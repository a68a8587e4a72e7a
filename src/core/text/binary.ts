// Telling text from binary data (an image, a PDF, an archive) before it is summarized into garbage.

/** How much of the start of the data is looked at. */
const SAMPLE = 64 * 1024;
/** Text has almost no control characters besides tab, newlines, form feed and escape. */
const MAX_CONTROL_SHARE = 0.05;

/** True when the bytes are not text in any encoding we read: a NUL byte, or more than a few control bytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
    else if (b === 0x7f) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}
