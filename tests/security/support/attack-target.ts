import assert from "node:assert/strict";
import { assertRefusal, type Reply } from "./envelope.ts";
import { base64url, signHmac, splitJwt } from "./forge-jwt.ts";
import type { WirePair } from "./in-process-stand.ts";

/** A server to attack: in-process or the spawned reference server. */
export interface AttackTarget {
  call(method: string, path: string, call?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<Reply>;
  /** Logs in a fresh session of a user whose role is not admin. */
  loginUser(): Promise<WirePair>;
  /** The HMAC key the server signs `kid` with, derived independently of the server's code. */
  keyFor(kid: string): Uint8Array;
}

/** What each attack starts from: a real pair and the access token taken apart. */
export interface AttackContext {
  readonly target: AttackTarget;
  readonly pair: WirePair;
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly signature: string;
  /** The server's own key for the token's kid: claims-level attacks are signed properly, so only the claim check can stop them. */
  readonly key: Uint8Array;
  /** Re-signs with the server's key (HS256). */
  resign(header: Record<string, unknown>, payload: Record<string, unknown>): string;
  /** `GET /users/me` with this bearer. */
  me(token: string): Promise<Reply>;
}

/** Builds the context for one attack: a fresh login, so attacks never share a session. */
export async function attackContext(target: AttackTarget): Promise<AttackContext> {
  const pair = await target.loginUser();
  const { header, payload, signature } = splitJwt(pair.access_token);
  const key = target.keyFor(header["kid"] as string);
  return {
    target,
    pair,
    header,
    payload,
    signature,
    key,
    resign: (h, p) => signHmac(h, p, key),
    me: (token) => target.call("GET", "/users/me", { token }),
  };
}

/** Asserts the 401 `INVALID_TOKEN` (or the given code) in the envelope, with a Bearer challenge. */
export function assertTokenRefused(reply: Reply, code = "INVALID_TOKEN", reason?: string): void {
  assertRefusal(reply, 401, code, reason);
  assert.match(reply.headers.get("www-authenticate") ?? "", /^Bearer/, "a 401 on a bearer route carries a Bearer challenge");
}

/** `header.payload.signature` with the header replaced and the rest kept byte for byte. */
export function withHeader(token: string, header: Record<string, unknown>): string {
  const [, payload, signature] = token.split(".");
  return `${base64url(JSON.stringify(header))}.${payload}.${signature}`;
}
