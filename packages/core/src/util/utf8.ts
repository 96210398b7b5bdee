// TextEncoder and TextDecoder are web-standard and present on every runtime and
// browser, but the core compiles against the ES library only (so that runtime
// globals cannot creep in); these are the two members it uses.
declare const TextEncoder: new () => { encode(input: string): Uint8Array };
declare const TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => { decode(input: Uint8Array): string };

const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF as the text it is: by default TextDecoder drops it, so "\uFEFF{...}", which
// JSON.parse refuses, would have decoded to "{...}".
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** UTF-8 bytes of a string. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
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
