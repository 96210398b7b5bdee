import { createHmac } from "node:crypto";

/** A secret to look for, under a name that says what it is (never the secret itself). */
export interface Needle {
  readonly label: string;
  readonly value: string;
}

/** Where to look: a name and the text. */
export interface Haystack {
  readonly label: string;
  readonly text: string;
}

/** Every encoding in which key bytes could be written out: hex, base64, base64url and raw. */
export function keyEncodings(label: string, bytes: Uint8Array): Needle[] {
  const buffer = Buffer.from(bytes);
  return [
    { label: `${label} (hex)`, value: buffer.toString("hex") },
    { label: `${label} (base64)`, value: buffer.toString("base64").replace(/=+$/, "") },
    { label: `${label} (base64url)`, value: buffer.toString("base64url") },
    { label: `${label} (raw bytes)`, value: buffer.toString("latin1") },
  ];
}

/** The signing key of `kid` as packages/bun/README.md defines it: HMAC-SHA-256(SECRET, "tessera-hs256:" + kid). */
export function derivedSigningKey(secret: string, kid: string): Uint8Array {
  return new Uint8Array(createHmac("sha256", secret).update(`tessera-hs256:${kid}`).digest());
}

/** Every (needle, haystack) pair where the needle occurs; labels only, so a failure prints no secret. */
export function findLeaks(needles: readonly Needle[], haystacks: readonly Haystack[]): string[] {
  const leaks: string[] = [];
  for (const needle of needles) {
    if (needle.value.length < 8) throw new Error(`needle ${needle.label} is too short to search for meaningfully`);
    for (const haystack of haystacks) if (haystack.text.includes(needle.value)) leaks.push(`${needle.label} found in ${haystack.label}`);
  }
  return leaks;
}
