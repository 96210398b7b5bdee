import { Agent, request as httpRequest } from "node:http";

/** An HTTP answer read in full. */
export interface LoopbackReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** One request: JSON `body` unless `raw`; `localAddress` picks the loopback address the server sees (127.0.0.2, ...). */
export interface LoopbackCall {
  readonly method: string;
  readonly body?: unknown;
  readonly raw?: Uint8Array;
  readonly token?: string;
  readonly headers?: Record<string, string>;
  readonly localAddress?: string;
  /** The request fails with "hung" after this long; default 10 s. */
  readonly timeoutMs?: number;
  readonly agent?: Agent;
}

/** Thrown when no answer came within the time limit: a hung request. */
export class HungRequestError extends Error {
  override readonly name = "HungRequestError";
}

/**
 * Sends one request with node:http, which (unlike fetch) can choose its source
 * address: login rate limiting is per client address, so load from several
 * simulated clients must come from several addresses.
 */
export function loopbackRequest(url: string, call: LoopbackCall): Promise<LoopbackReply> {
  const headers: Record<string, string> = { ...call.headers };
  let payload: Uint8Array | undefined = call.raw;
  if (call.body !== undefined) {
    payload = new TextEncoder().encode(JSON.stringify(call.body));
    headers["content-type"] ??= "application/json";
  }
  if (payload !== undefined) headers["content-length"] = String(payload.length);
  if (call.token !== undefined) headers["authorization"] = `Bearer ${call.token}`;
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: call.method, headers, ...(call.localAddress === undefined ? {} : { localAddress: call.localAddress }), ...(call.agent === undefined ? {} : { agent: call.agent }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        clearTimeout(timer);
        const answer = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) answer.append(name, item);
        }
        resolve({ status: res.statusCode ?? 0, headers: answer, text: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new HungRequestError(`${call.method} ${new URL(url).pathname}: no answer within ${call.timeoutMs ?? 10_000} ms`));
    }, call.timeoutMs ?? 10_000);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(payload);
  });
}
