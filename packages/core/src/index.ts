/**
 * Tessera's core: access tokens, rotating refresh tokens and static tokens as a
 * deterministic state machine. Clock, randomness, crypto, store, users and
 * password hashing are injected; nothing here touches a runtime global.
 * @module
 */
export { createTessera, type Tessera, type TesseraOptions } from "./create-tessera.ts";
export { type AccessBinding, accessBindings, type DurationInput, type Policy, type PolicyInput, type PolicyResult, parsePolicy, safeParsePolicy } from "./policy.ts";
export { parseDuration } from "./duration.ts";
export { type ErrorCode, errorCodes, type Failure, fail, type Outcome, type Reason, reasons, type Success, succeed } from "./outcome.ts";
export { ConfigError, StoreError, TesseraError } from "./errors.ts";
export { type EventListener, type EventType, eventTypes, type TesseraEvent } from "./events.ts";
export {
  normalizeEmail,
  type RefreshTokenRecord,
  type RefreshTokenState,
  refreshTokenStates,
  type SessionRecord,
  type StaticTokenRecord,
  type UserRecord,
  type UserStatus,
  userStatuses,
} from "./records.ts";
export type { Clock } from "./ports/clock.ts";
export type { Random } from "./ports/random.ts";
export type { CryptoPort, MaybePromise } from "./ports/crypto.ts";
export type { Rotation, Store } from "./ports/store.ts";
export { type CombinedReads, combinedReadsOf, readSeparately, type SessionAndUser, type StaticTokenAndUser } from "./ports/combined-reads.ts";
export type { UserDirectory, UserPatch } from "./ports/user-directory.ts";
export type { PasswordHasher } from "./ports/password-hasher.ts";
export { type RateLimiter, type RateWindow, windowStart } from "./ports/rate-limiter.ts";
export { createMemoryRateLimiter } from "./memory-rate-limiter.ts";
export { createOsloCrypto } from "./oslo-crypto.ts";
export { type AccessClaims, readAccessClaims } from "./jwt/access-claims.ts";
export { createKeyring, generateHmacKey, type HmacKey, type Keyring, type SigningAlgorithm, signingAlgorithms } from "./jwt/keyring.ts";
export { encodeAccessToken, encodeJwtHeader } from "./jwt/encode-jwt.ts";
export { type DecodedAccessToken, decodeAccessToken, maxAccessTokenLength } from "./jwt/decode-jwt.ts";
export { deriveSuccessorToken, generateRefreshToken, hashSecret, verifyRefreshTokenShape } from "./tokens/refresh-token.ts";
export { generateStaticToken, verifyStaticTokenChecksum, verifyStaticTokenShape } from "./tokens/static-token.ts";
export { decideRefresh, planRotation, planSession, refreshExpiry, type RefreshRecords, type RefreshRejection, type RefreshVerdict } from "./decisions/decide-refresh.ts";
export { accessExpirySeconds, type AccessRecords, type AccessRejection, decideAccessBinding, decideAccessClaims } from "./decisions/decide-access.ts";
export { type Decisions, defaultDecisions } from "./decisions/decisions.ts";
export { decideLoginRate } from "./decisions/decide-login-rate.ts";
export { adminRole, requireRole } from "./decisions/require-role.ts";
export type { Principal } from "./service/authenticate.ts";
export type { TokenPair } from "./service/issue-access-token.ts";
export type { LoginCommand } from "./service/login.ts";
export { type LogoutScope, logoutScopes } from "./service/logout.ts";
export type { SessionSummary } from "./service/sessions.ts";
export type { NewUser, PublicUser, UserChange } from "./service/users.ts";
export { toPublicUser } from "./service/users.ts";
export { decodeBase64url, encodeBase64url } from "./util/base64url.ts";
export { encodeUtf8, decodeUtf8 } from "./util/utf8.ts";
export { crc32 } from "./util/crc32.ts";
