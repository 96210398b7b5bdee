// TextEncoder and TextDecoder are web-standard and present on every runtime and
// browser, but the core compiles against the ES library only (so that runtime
// globals cannot creep in); these are the two members it uses.
declare const TextEncoder: new () => {
  encode(input: string): Uint8Array;
  encodeInto(input: string, target: Uint8Array): { read: number; written: number };
};
declare const TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => { decode(input: Uint8Array): string };

const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF as the text it is: by default TextDecoder drops it, so "\uFEFF{...}", which
// JSON.parse refuses, would have decoded to "{...}".
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** UTF-8 bytes of a string. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Writes the UTF-8 bytes of `text` from target[0] and returns how many there are, or null when they might not fit
 * (a UTF-16 code unit takes at most 3 bytes, so a text up to a third of the target's length always fits).
 */
export function encodeUtf8Into(text: string, target: Uint8Array): number | null {
  return text.length * 3 <= target.length ? encoder.encodeInto(text, target).written : null;
}

/** What a crypto port hashes: bytes as they are, a string as its UTF-8 bytes (see `CryptoPort`). */
export function bytesOfData(data: Uint8Array | string): Uint8Array {
  return typeof data === "string" ? encoder.encode(data) : data;
}

/** The string of UTF-8 bytes, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
