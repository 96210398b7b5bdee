// The issue's invariants, checked on the real service after every command.
// They read the real store and probe the real service; they do not ask the
// model, so a model that shared a bug with the core would still be caught.
import { decodeBase64url, decodeUtf8, encodeUtf8, hashSecret, type RefreshTokenRecord, type TokenPair } from "@tessera/core";
import type { System } from "./system.ts";

/** An invariant that the real service broke. */
export class InvariantViolation extends Error {
  override readonly name = "InvariantViolation";
  constructor(
    readonly invariant: string,
    detail: string,
  ) {
    super(`invariant "${invariant}" broken: ${detail}`);
  }
}

/** Every invariant that holds between commands. */
export async function checkInvariants(s: System): Promise<void> {
  await checkOneLiveRefreshTokenPerSession(s);
  await checkEndedSessionsStayEnded(s);
  await checkOnlyNewestStaticTokenWorks(s);
}

/** At most one live refresh token per session: the rotated ones only ever hand back that one. */
export async function checkOneLiveRefreshTokenPerSession(s: System): Promise<void> {
  const live = new Map<string, number[]>();
  for (const [index, hash] of s.refreshHashes.entries()) {
    const record = await s.inspect.findRefreshToken(hash);
    if (record === null) throw new InvariantViolation("issued refresh tokens are kept", `token #${index} vanished from the store`);
    if (record.state === "live") live.set(record.sessionId, [...(live.get(record.sessionId) ?? []), index]);
  }
  for (const indexes of live.values()) {
    if (indexes.length > 1) throw new InvariantViolation("at most one live refresh token per session", `tokens ${indexes.map((i) => `#${i}`).join(", ")} are all live`);
  }
}

/** After logout, reuse or suspension, nothing of that session works, not even after reactivation. */
export async function checkEndedSessionsStayEnded(s: System): Promise<void> {
  const invariant = "after logout, reuse or suspension nothing of that session works";
  for (const session of s.seen.endedSessions) {
    const record = await s.inspect.findSession(s.sessionIds[session]!);
    if (record?.revokedAt === null) throw new InvariantViolation(invariant, `session #${session} is not revoked in the store`);
    for (const [index, token] of s.access.entries()) {
      if (s.accessSession[index] !== session) continue;
      if ((await s.kit.tessera.verifyAccessToken(token)).ok) throw new InvariantViolation(invariant, `access token #${index} of ended session #${session} was accepted`);
    }
    for (const [index, token] of s.refresh.entries()) {
      if (s.refreshSession[index] !== session) continue;
      if ((await s.kit.tessera.refresh(token)).ok) throw new InvariantViolation(invariant, `refresh token #${index} of ended session #${session} yielded a pair`);
    }
  }
}

/** At most one static token per user works, and only the newest, while the user is active. */
export async function checkOnlyNewestStaticTokenWorks(s: System): Promise<void> {
  const invariant = "at most one static token per user and only the newest works";
  for (const [index, token] of s.statics.entries()) {
    const user = s.staticUser[index]!;
    const shouldWork = s.seen.newestStatic[user] === index && s.seen.active[user] === true;
    const works = (await s.kit.tessera.verifyStaticToken(token)).ok;
    if (works && !shouldWork) throw new InvariantViolation(invariant, `static token #${index} of user ${user} works but is not the user's newest`);
    if (!works && shouldWork) throw new InvariantViolation(invariant, `static token #${index}, the newest of active user ${user}, was refused`);
  }
}

/** What the store said about a refresh token just before it was presented. */
export interface RefreshBefore {
  readonly now: number;
  readonly token: RefreshTokenRecord | null;
  readonly successor: RefreshTokenRecord | null;
}

/** Reads a token's record (and its successor's) before presenting it. */
export async function readBeforeRefresh(s: System, hash: string | null): Promise<RefreshBefore> {
  const token = hash === null ? null : await s.inspect.findRefreshToken(hash);
  const successor = token?.successorHash == null ? null : await s.inspect.findRefreshToken(token.successorHash);
  return { now: s.kit.clock.now(), token, successor };
}

/**
 * A refresh token yields a pair only if it was live (and is spent now), or
 * rotated within its grace window with its successor unused (and the pair
 * carries that very successor). A spent token never yields a pair otherwise.
 */
export async function checkRefreshSuccess(s: System, before: RefreshBefore, pair: TokenPair): Promise<void> {
  const invariant = "a spent refresh token never yields a pair once its grace has passed or its successor was used";
  const { token, successor, now } = before;
  if (token === null) throw new InvariantViolation(invariant, "a never-issued refresh token yielded a pair");
  const returnedHash = await hashSecret(pair.refreshToken, s.kit.crypto);
  if (token.state === "live") {
    if (now >= token.expiresAt) throw new InvariantViolation(invariant, `an expired refresh token yielded a pair ${now - token.expiresAt} ms after its expiry`);
    const after = await s.inspect.findRefreshToken(token.hash);
    if (after?.state !== "rotated" || after.successorHash !== returnedHash) throw new InvariantViolation(invariant, "a live refresh token was not spent by its use");
  } else {
    const graceEnd = (token.rotatedAt ?? -Infinity) + s.kit.tessera.policy.reuseGraceMs;
    if (now >= graceEnd) throw new InvariantViolation(invariant, `a rotated refresh token yielded a pair ${now - graceEnd} ms after its grace window`);
    if (successor?.state !== "live") throw new InvariantViolation(invariant, "a rotated refresh token yielded a pair after its successor was used");
    if (returnedHash !== token.successorHash) throw new InvariantViolation(invariant, "a retry within the grace window returned another token than the successor");
  }
  await checkAcceptedAccessToken(s, pair.accessToken);
}

/** An accepted access token is unexpired, correctly signed and (in session binding) of a live session. */
export async function checkAcceptedAccessToken(s: System, token: string): Promise<void> {
  const invariant = "an accepted access token is unexpired, correctly signed and of a live session";
  const [header, payload, signature] = token.split(".");
  const json = (segment: string | undefined) => JSON.parse(decodeUtf8(decodeBase64url(segment ?? "") ?? new Uint8Array()) ?? "null");
  const { kid } = json(header) as { kid: string };
  const claims = json(payload) as { exp: number; sid: string; sub: string };
  const now = s.kit.clock.now();
  if (now >= claims.exp * 1000) throw new InvariantViolation(invariant, `accepted ${now - claims.exp * 1000} ms after its exp`);
  const key = s.kit.keyring.find(kid);
  const expected = key === undefined ? null : await s.kit.crypto.hmacSha256(key.secret, encodeUtf8(`${header}.${payload}`));
  const actual = decodeBase64url(signature ?? "");
  if (expected === null || actual === null || actual.length !== expected.length || !actual.every((byte, i) => byte === expected[i])) {
    throw new InvariantViolation(invariant, "accepted with a signature that does not verify");
  }
  if (s.kit.tessera.policy.accessBinding !== "session") return;
  const session = await s.inspect.findSession(claims.sid);
  const user = await s.kit.users.findUserById(claims.sub);
  if (session === null || session.revokedAt !== null || (session.expiresAt !== null && now >= session.expiresAt)) {
    throw new InvariantViolation(invariant, "accepted for a session that is revoked, capped or unknown");
  }
  if (user?.status !== "active") throw new InvariantViolation(invariant, "accepted for a user who is not active");
  const index = s.sessionIds.indexOf(claims.sid);
  if (s.seen.endedSessions.has(index)) throw new InvariantViolation(invariant, `accepted for session #${index}, which was ended`);
}
