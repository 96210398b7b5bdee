import { type Decisions, defaultDecisions } from "./decisions/decisions.ts";
import type { EventListener } from "./events.ts";
import type { Keyring } from "./jwt/keyring.ts";
import { createMemoryRateLimiter } from "./memory-rate-limiter.ts";
import type { Outcome } from "./outcome.ts";
import { type Policy, type PolicyInput, parsePolicy } from "./policy.ts";
import type { Clock } from "./ports/clock.ts";
import type { CryptoPort } from "./ports/crypto.ts";
import type { PasswordHasher } from "./ports/password-hasher.ts";
import type { Random } from "./ports/random.ts";
import type { RateLimiter } from "./ports/rate-limiter.ts";
import { combinedReadsOf } from "./ports/combined-reads.ts";
import type { Store } from "./ports/store.ts";
import type { UserDirectory } from "./ports/user-directory.ts";
import { type Principal, authenticate, verifyAccessToken, verifyStaticToken } from "./service/authenticate.ts";
import { createEmitter, type ServiceContext } from "./service/context.ts";
import type { TokenPair } from "./service/issue-access-token.ts";
import { type LoginCommand, login } from "./service/login.ts";
import { type LogoutScope, logout } from "./service/logout.ts";
import { refresh } from "./service/refresh.ts";
import { listSessions, revokeAllSessions, revokeSession, type SessionSummary } from "./service/sessions.ts";
import { generateUserStaticToken, revokeUserStaticToken } from "./service/static-tokens.ts";
import { createUser, deleteUser, type NewUser, type PublicUser, toPublicUser, type UserChange, updateUser } from "./service/users.ts";
import { encodeBase64url } from "./util/base64url.ts";

/** Everything Tessera needs injected. Nothing here is read from the environment. */
export interface TesseraOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly crypto: CryptoPort;
  readonly store: Store;
  readonly users: UserDirectory;
  readonly passwords: PasswordHasher;
  /** A keyring, or a function returning the current one (so keys can rotate at run time). */
  readonly keys: Keyring | (() => Keyring);
  readonly policy?: PolicyInput;
  readonly rateLimiter?: RateLimiter;
  readonly onEvent?: EventListener;
  /**
   * Test seam: replaces pure decision functions, so that the property tests can
   * prove they catch a broken rule. Production code never passes it.
   */
  readonly decisions?: Partial<Decisions>;
}

/** The service: every operation of DESIGN.md, each returning an {@link Outcome}. */
export interface Tessera {
  readonly policy: Policy;
  login(command: LoginCommand): Promise<Outcome<TokenPair>>;
  refresh(refreshToken: string): Promise<Outcome<TokenPair>>;
  logout(refreshToken: string, scope?: LogoutScope): Promise<Outcome<{ readonly revoked: number }>>;
  /** Verifies a bearer token of either kind. */
  authenticate(token: string): Promise<Outcome<Principal>>;
  verifyAccessToken(token: string): Promise<Outcome<Principal>>;
  verifyStaticToken(token: string): Promise<Outcome<Principal>>;
  generateStaticToken(userId: string): Promise<Outcome<{ readonly token: string }>>;
  /** Succeeds whether or not the user had a static token; NOT_FOUND for an unknown user. */
  revokeStaticToken(userId: string): Promise<Outcome<{ readonly revoked: boolean }>>;
  listSessions(userId: string): Promise<Outcome<readonly SessionSummary[]>>;
  revokeSession(userId: string, sessionId: string): Promise<Outcome<{ readonly id: string }>>;
  /** Ends every session of the user; NOT_FOUND for an unknown user. */
  revokeAllSessions(userId: string): Promise<Outcome<{ readonly revoked: number }>>;
  createUser(user: NewUser): Promise<Outcome<PublicUser>>;
  updateUser(id: string, change: UserChange, keepSessionId?: string): Promise<Outcome<PublicUser>>;
  deleteUser(id: string): Promise<Outcome<{ readonly id: string }>>;
  getUser(id: string): Promise<PublicUser | null>;
  listUsers(): Promise<readonly PublicUser[]>;
}

/**
 * Builds the service around injected ports.
 *
 * @example
 * const tessera = createTessera({ clock, random, crypto, store, users, passwords, keys: createKeyring(generateHmacKey(random)) });
 * const outcome = await tessera.login({ email: "ada@example.com", password: "correct horse" });
 * if (outcome.ok) console.log(outcome.value.accessToken);
 */
export function createTessera(options: TesseraOptions): Tessera {
  const keys = options.keys;
  // Hashed now, not on the first unknown email: otherwise that first login would cost a hash and a verify.
  const dummyHash = options.passwords.hash(encodeBase64url(options.random.bytes(16)));
  dummyHash.catch(() => undefined);
  const ctx: ServiceContext = {
    clock: options.clock,
    random: options.random,
    crypto: options.crypto,
    store: options.store,
    users: options.users,
    combinedReads: combinedReadsOf(options.store, options.users),
    passwords: options.passwords,
    rateLimiter: options.rateLimiter ?? createMemoryRateLimiter(),
    policy: parsePolicy(options.policy),
    decisions: { ...defaultDecisions, ...options.decisions },
    keyring: typeof keys === "function" ? keys : () => keys,
    emit: createEmitter(options.onEvent),
    dummyPasswordHash: () => dummyHash,
  };
  return {
    policy: ctx.policy,
    login: (command) => login(ctx, command),
    refresh: (token) => refresh(ctx, token),
    logout: (token, scope) => logout(ctx, token, scope),
    authenticate: (token) => authenticate(ctx, token),
    verifyAccessToken: (token) => verifyAccessToken(ctx, token),
    verifyStaticToken: (token) => verifyStaticToken(ctx, token),
    generateStaticToken: (userId) => generateUserStaticToken(ctx, userId),
    revokeStaticToken: (userId) => revokeUserStaticToken(ctx, userId),
    listSessions: (userId) => listSessions(ctx, userId),
    revokeSession: (userId, sessionId) => revokeSession(ctx, userId, sessionId),
    revokeAllSessions: (userId) => revokeAllSessions(ctx, userId),
    createUser: (user) => createUser(ctx, user),
    updateUser: (id, change, keepSessionId) => updateUser(ctx, id, change, keepSessionId),
    deleteUser: (id) => deleteUser(ctx, id),
    getUser: async (id) => {
      const user = await ctx.users.findUserById(id);
      return user === null ? null : toPublicUser(user);
    },
    listUsers: async () => (await ctx.users.listUsers()).map(toPublicUser),
  };
}
