import { createProcessLock, type RefreshLock } from "./refresh-lock.ts";

/** The subset of `BroadcastChannel` that the lock needs. */
export interface ChannelLike {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

/** Options of {@link createBroadcastLock}. */
export interface BroadcastLockOptions {
  /** Default `new BroadcastChannel(name)`. */
  readonly openChannel?: (name: string) => ChannelLike;
  /** How long a claim waits for objections before it holds the lock; default 50 ms, well above a message's delivery time. */
  readonly claimWindowMs?: number;
  /** How long to wait for a holder that never says it released (a tab closed mid-refresh); default 15 s. */
  readonly leaseMs?: number;
}

type Message = { readonly type: "claim"; readonly ticket: number } | { readonly type: "held" } | { readonly type: "release" };

function readMessage(data: unknown): Message | null {
  if (typeof data !== "object" || data === null) return null;
  const { type, ticket } = data as { type?: unknown; ticket?: unknown };
  if (type === "claim" && typeof ticket === "number") return { type, ticket };
  if (type === "held" || type === "release") return { type };
  return null;
}

function defaultOpenChannel(name: string): ChannelLike {
  const Channel = (globalThis as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel;
  if (Channel === undefined) throw new TypeError("createBroadcastLock: this runtime has no BroadcastChannel");
  return new Channel(name);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A lock across tabs for browsers without Web Locks, over BroadcastChannel: a
 * tab claims with a random ticket and holds the lock if, within the claim
 * window, no tab answered that it holds it and no rival claim had a lower
 * ticket; a claiming tab repeats its claim to a rival with a higher ticket
 * (which may have opened its channel too late to hear it), a holder answers
 * every claim with "held" and says "release" when done. It assumes messages arrive within the window; the server's retry grace
 * covers the rare case where they do not.
 *
 * @example
 * const lock = createBroadcastLock("tessera-refresh:https://auth.example.com");
 */
export function createBroadcastLock(name: string, options: BroadcastLockOptions = {}): RefreshLock {
  const openChannel = options.openChannel ?? defaultOpenChannel;
  const claimWindowMs = options.claimWindowMs ?? 50;
  const leaseMs = options.leaseMs ?? 15_000;
  // One claim at a time from this realm: its own tasks queue here, not on the channel.
  const local = createProcessLock();

  async function holdAcrossTabs<T>(task: () => Promise<T>): Promise<T> {
    const channel = openChannel(name);
    let state: "claiming" | "waiting" | "holding" = "claiming";
    let ticket = 0;
    let contested = false;
    let released = false;
    let wake = () => {};
    channel.onmessage = (event) => {
      const message = readMessage(event.data);
      if (message === null) return;
      if (state === "holding") {
        if (message.type === "claim") channel.postMessage({ type: "held" });
      } else if (message.type === "release") {
        released = true;
        wake();
      } else if (state === "claiming" && message.type === "held") {
        contested = true;
      } else if (state === "claiming" && message.type === "claim") {
        if (message.ticket < ticket) contested = true;
        // A tab that opened its channel after our claim never saw it: say it again so that it learns it lost.
        else channel.postMessage({ type: "claim", ticket });
      }
    };
    try {
      for (;;) {
        state = "claiming";
        ticket = Math.random();
        contested = false;
        released = false;
        channel.postMessage({ type: "claim", ticket });
        await delay(claimWindowMs);
        if (!contested) break;
        if (released) continue;
        state = "waiting";
        let timer: ReturnType<typeof setTimeout> | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, leaseMs);
        });
        clearTimeout(timer);
        wake = () => {};
      }
      state = "holding";
      return await task();
    } finally {
      if (state === "holding") channel.postMessage({ type: "release" });
      channel.onmessage = null;
      channel.close();
    }
  }

  return { run: (task) => local.run(() => holdAcrossTabs(task)) };
}
