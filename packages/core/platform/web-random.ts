import type { Random } from "../src/ports/random.ts";

// getRandomValues refuses more than 65,536 bytes per call.
const maxChunk = 65_536;

/** A CSPRNG: `crypto.getRandomValues`, available on every runtime and browser. */
export const webRandom: Random = {
  bytes(length) {
    const out = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += maxChunk) {
      globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + maxChunk)));
    }
    return out;
  },
};
