/**
 * Tessera's client SDK: login, refresh and logout in json, cookie or session mode,
 * authenticated requests that refresh once on `TOKEN_EXPIRED`, auto-refresh,
 * static-token mode, and refreshes that never race: one per client, one at a
 * time across tabs. It needs only `fetch`; `navigator.locks`,
 * `BroadcastChannel` and `localStorage` are used where they exist.
 * @module
 */
export { createClient, type Client } from "./create-client.ts";
export type { ClientAuthMode, ClientOptions, ClientRequestInit, LoginOptions, LogoutOptions } from "./client-options.ts";
export { type AuthData, parseAuthData } from "./auth-data.ts";
export { ApiError, ClientError, NetworkError, type NetworkFailure, NotLoggedInError } from "./client-errors.ts";
export type { ClientStorage } from "./client-storage.ts";
export { createMemoryStorage } from "./memory-storage.ts";
export { createLocalStorage, type LocalStorageOptions, type SyncClientStorage, type WebStorageLike } from "./local-storage.ts";
export { createProcessLock, type RefreshLock } from "./refresh-lock.ts";
export { createWebLock, type LockManagerLike } from "./web-lock.ts";
export { type BroadcastLockOptions, type ChannelLike, createBroadcastLock } from "./broadcast-lock.ts";
export { detectRefreshLock } from "./detect-refresh-lock.ts";
export { type FetchLike } from "./http-exchange.ts";
