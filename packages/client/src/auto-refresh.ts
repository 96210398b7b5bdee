import type { AuthData } from "./auth-data.ts";
import { ApiError } from "./client-errors.ts";
import { refreshDelay } from "./refresh-delay.ts";
import type { TokenKeeper } from "./token-keeper.ts";

/** The auto-refresh timer of one client. */
export interface AutoRefresh {
  /** (Re)arms the timer for these tokens; null disarms it. */
  schedule(auth: AuthData | null): void;
  /** Arms the timer for tokens found in storage when it is not armed (another tab logged in after this client started). */
  notice(auth: AuthData | null): void;
  /** Disarms it for good. */
  stop(): void;
}

/** What an {@link AutoRefresh} needs. */
export interface AutoRefreshOptions {
  readonly keeper: TokenKeeper;
  readonly now: () => number;
  readonly msRefreshBeforeExpires: number;
}

// After a failure that did not end the session (offline, 5xx, 429): try again, at the pace the server asked for if it did.
const retryDelayMs = (error: unknown) => Math.max(1_000, error instanceof ApiError && error.retryAfterMs !== null ? error.retryAfterMs : 5_000);

/**
 * Refreshes `msRefreshBeforeExpires` before expiry. When the timer fires it
 * re-reads the storage first: if another tab refreshed meanwhile it adopts
 * those tokens and re-arms, with nothing sent.
 */
export function createAutoRefresh(options: AutoRefreshOptions): AutoRefresh {
  const { keeper, now, msRefreshBeforeExpires } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function arm(delayMs: number) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void fire();
    }, delayMs);
    // A pending refresh must not keep a Node or Bun process alive; browsers have no unref.
    (timer as { unref?: () => void }).unref?.();
  }

  async function fire() {
    const stored = await keeper.read();
    if (stored === null || stopped) return;
    const delay = refreshDelay(stored, now(), msRefreshBeforeExpires);
    if (delay > 0) return arm(delay);
    try {
      await keeper.refresh(stored); // re-arms through the keeper's onChange
    } catch (error) {
      if (!stopped && (await keeper.read()) !== null) arm(retryDelayMs(error));
    }
  }

  return {
    schedule(auth) {
      clearTimeout(timer);
      timer = undefined;
      if (auth !== null && !stopped) arm(refreshDelay(auth, now(), msRefreshBeforeExpires));
    },
    notice(auth) {
      if (timer === undefined && auth !== null && !stopped) arm(refreshDelay(auth, now(), msRefreshBeforeExpires));
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
