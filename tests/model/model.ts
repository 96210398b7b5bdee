// The reference model of DESIGN.md's rotation rules: plain arrays indexed like
// the tokens the real service handed out, no crypto, no store. Each function
// states what the real service must answer and applies the change to the model.

/** The small policy under test, so that every boundary is a few commands away. */
export interface ModelPolicy {
  readonly accessTtlMs: number;
  readonly refreshTtlMs: number;
  readonly graceMs: number;
  readonly sessionMaxAgeMs: number | null;
}

/** A refresh token: `successor` is the index of the token it was rotated into. */
export interface ModelRefreshToken {
  readonly session: number;
  state: "live" | "rotated";
  readonly expiresAt: number;
  rotatedAt: number | null;
  successor: number | null;
}

/** Everything the model knows; array positions are the indexes commands pick by. */
export interface Model {
  now: number;
  readonly policy: ModelPolicy;
  readonly users: { active: boolean }[];
  readonly sessions: { readonly user: number; revoked: boolean; readonly capAt: number | null }[];
  readonly refresh: ModelRefreshToken[];
  readonly access: { readonly session: number; readonly expiresAt: number }[];
  readonly statics: { readonly user: number }[];
  /** Per user, the index of the one static token that works, or null. */
  readonly currentStatic: (number | null)[];
}

/** What the service must answer: a success, or a refusal with its code and reason. */
export type Expected<T = undefined> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: string; readonly reason: string };

const refuse = (code: string, reason: string) => ({ ok: false, code, reason }) as const;
const accept = <T>(value: T) => ({ ok: true, value }) as const;

/** Creates the model of a fresh service with `userCount` active users. */
export function createModel(policy: ModelPolicy, start: number, userCount: number): Model {
  return {
    now: start,
    policy,
    users: Array.from({ length: userCount }, () => ({ active: true })),
    sessions: [],
    refresh: [],
    access: [],
    statics: [],
    currentStatic: Array.from({ length: userCount }, () => null),
  };
}

/** An access token issued now expires on a whole second: `exp = floor((now + ttl) / 1000)`. */
function issueAccess(m: Model, session: number): number {
  m.access.push({ session, expiresAt: Math.floor((m.now + m.policy.accessTtlMs) / 1000) * 1000 });
  return m.access.length - 1;
}

function issueRefresh(m: Model, session: number): number {
  const capAt = m.sessions[session]!.capAt;
  const full = m.now + m.policy.refreshTtlMs;
  m.refresh.push({ session, state: "live", expiresAt: capAt === null ? full : Math.min(full, capAt), rotatedAt: null, successor: null });
  return m.refresh.length - 1;
}

/** A new pair, by index: the refresh token and the access token. */
export interface ModelPair {
  readonly session: number;
  readonly refresh: number;
  readonly access: number;
}

/** Login: only an active user gets a new session. */
export function modelLogin(m: Model, user: number): Expected<ModelPair> {
  if (!m.users[user]!.active) return refuse("INVALID_CREDENTIALS", "user_suspended");
  const cap = m.policy.sessionMaxAgeMs;
  m.sessions.push({ user, revoked: false, capAt: cap === null ? null : m.now + cap });
  const session = m.sessions.length - 1;
  return accept({ session, refresh: issueRefresh(m, session), access: issueAccess(m, session) });
}

/** Whether a session is over by its hard cap at `now`. */
export const sessionCapped = (m: Model, session: number): boolean => {
  const capAt = m.sessions[session]!.capAt;
  return capAt !== null && m.now >= capAt;
};

/**
 * Refresh, in DESIGN.md's order: unknown, revoked, inactive user, session cap,
 * then a live token rotates unless expired; a rotated one gets the same successor
 * within the grace window while the successor is unused, and anything else
 * (expired or not) is reuse and ends the session.
 */
export function modelRefresh(m: Model, index: number | null): Expected<ModelPair & { readonly retried: boolean }> {
  if (index === null) return refuse("INVALID_CREDENTIALS", "unknown");
  const token = m.refresh[index]!;
  const session = m.sessions[token.session]!;
  if (session.revoked) return refuse("INVALID_CREDENTIALS", "revoked");
  if (!m.users[session.user]!.active) return refuse("INVALID_CREDENTIALS", "user_inactive");
  if (sessionCapped(m, token.session)) return refuse("INVALID_CREDENTIALS", "session_expired");
  if (token.state === "live") {
    if (m.now >= token.expiresAt) return refuse("INVALID_CREDENTIALS", "expired");
    const successor = issueRefresh(m, token.session);
    Object.assign(token, { state: "rotated", rotatedAt: m.now, successor });
    return accept({ session: token.session, refresh: successor, access: issueAccess(m, token.session), retried: false });
  }
  const successor = token.successor!;
  if (m.now < token.rotatedAt! + m.policy.graceMs && m.refresh[successor]!.state === "live") {
    return accept({ session: token.session, refresh: successor, access: issueAccess(m, token.session), retried: true });
  }
  session.revoked = true;
  return refuse("INVALID_CREDENTIALS", "reused");
}

/** Logout: any issued token ends its session (or all of its user's); idempotent. */
export function modelLogout(m: Model, index: number, scope: "session" | "all"): Expected<{ readonly revoked: number }> {
  const own = m.refresh[index]!.session;
  const user = m.sessions[own]!.user;
  let revoked = 0;
  m.sessions.forEach((session, i) => {
    if (session.revoked || (scope === "session" ? i !== own : session.user !== user)) return;
    session.revoked = true;
    revoked++;
  });
  return accept({ revoked });
}

/** Access: `now < exp` first (TOKEN_EXPIRED), then a live, uncapped session of an active user. */
export function modelVerifyAccess(m: Model, index: number): Expected<{ readonly session: number }> {
  const token = m.access[index]!;
  if (m.now >= token.expiresAt) return refuse("TOKEN_EXPIRED", "expired");
  const session = m.sessions[token.session]!;
  if (session.revoked) return refuse("INVALID_TOKEN", "revoked");
  if (sessionCapped(m, token.session)) return refuse("INVALID_TOKEN", "session_expired");
  if (!m.users[session.user]!.active) return refuse("INVALID_TOKEN", "user_inactive");
  return accept({ session: token.session });
}

/** Generating a static token replaces the user's previous one; suspended users get none. */
export function modelGenerateStatic(m: Model, user: number): Expected<{ readonly index: number }> {
  if (!m.users[user]!.active) return refuse("FORBIDDEN", "user_inactive");
  m.statics.push({ user });
  m.currentStatic[user] = m.statics.length - 1;
  return accept({ index: m.statics.length - 1 });
}

/** Revoking succeeds either way and says whether there was a token. */
export function modelRevokeStatic(m: Model, user: number): Expected<{ readonly revoked: boolean }> {
  const revoked = m.currentStatic[user] !== null;
  m.currentStatic[user] = null;
  return accept({ revoked });
}

/** Only the user's current static token works, while the user is active. */
export function modelVerifyStatic(m: Model, index: number): Expected<{ readonly user: number }> {
  const { user } = m.statics[index]!;
  if (m.currentStatic[user] !== index) return refuse("INVALID_TOKEN", "unknown");
  if (!m.users[user]!.active) return refuse("INVALID_TOKEN", "user_inactive");
  return accept({ user });
}

/** Suspension ends every session and the static token; suspending twice changes nothing. */
export function modelSuspend(m: Model, user: number): Expected {
  if (m.users[user]!.active) {
    m.users[user]!.active = false;
    for (const session of m.sessions) if (session.user === user) session.revoked = true;
    m.currentStatic[user] = null;
  }
  return accept(undefined);
}

/** Reactivation brings back the user, not what the suspension ended. */
export function modelReactivate(m: Model, user: number): Expected {
  m.users[user]!.active = true;
  return accept(undefined);
}
