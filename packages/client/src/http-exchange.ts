import { ClientError, NetworkError } from "./client-errors.ts";
import { readAnswer } from "./read-answer.ts";

/** The `fetch` the client calls: the global one by default, or any compatible function (a test wrapper, a cookie jar). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** How the client talks to the server. */
export interface Transport {
  /** The server's base URL, without a trailing slash. */
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly now: () => number;
}

/**
 * One request and its answer, read with {@link readAnswer}. A timeout or an
 * unreachable server becomes a {@link NetworkError}; an abort by the caller's
 * own signal is rethrown as it came, as `fetch` does.
 */
export async function exchange(transport: Transport, path: string, init: RequestInit): Promise<unknown> {
  const controller = new AbortController();
  const callerSignal = init.signal ?? null;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted === true) onCallerAbort();
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, transport.timeoutMs);
  try {
    const response = await transport.fetch(transport.baseUrl + path, { ...init, signal: controller.signal });
    return await readAnswer(response, transport.now());
  } catch (error) {
    if (timedOut) throw new NetworkError("timeout", `No answer from ${path} within ${transport.timeoutMs} ms.`, { cause: error });
    // The server's refusals pass through; so does the caller's own abort.
    if (error instanceof ClientError || callerSignal?.aborted === true) throw error;
    throw new NetworkError("unreachable", `The request to ${path} failed before an answer arrived.`, { cause: error });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}
