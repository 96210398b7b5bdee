import { loopbackRequest, type LoopbackReply } from "./loopback-client.ts";

/** A pair returned with 200. */
export interface ReturnedPair {
  readonly access_token: string;
  readonly refresh_token: string;
}

/** What one simulated client got back, in order, before the server went away. */
export interface ClientRecord {
  readonly email: string;
  /** Token families: each starts with a login, each later pair came from refreshing the one before. */
  readonly chains: ReturnedPair[][];
  /** Static tokens returned with 200, in order; the last one is the live one. */
  readonly statics: string[];
  /** What was on the wire when the connection failed, if anything. */
  inFlight: "refresh" | "static" | "login" | "verify" | null;
  /** Requests answered, by status. */
  readonly statuses: Map<number, number>;
  /** The error that ended the loop (the kill), if any. */
  ended: unknown;
}

/**
 * One client doing login, refresh, verify and static-token requests in a loop
 * from its own loopback address until `stop()` says so or a request fails
 * (the server was killed). Every 200 is recorded before the next request.
 */
export async function runMixedClient(url: string, user: { email: string; password: string }, localAddress: string, stop: () => boolean): Promise<ClientRecord> {
  const record: ClientRecord = { email: user.email, chains: [], statics: [], inFlight: null, statuses: new Map(), ended: null };
  const send = async (kind: NonNullable<ClientRecord["inFlight"]>, method: string, path: string, options: { body?: unknown; token?: string }): Promise<LoopbackReply> => {
    record.inFlight = kind;
    const reply = await loopbackRequest(url + path, { method, localAddress, timeoutMs: 15_000, ...options });
    record.inFlight = null;
    record.statuses.set(reply.status, (record.statuses.get(reply.status) ?? 0) + 1);
    if (reply.status >= 500) throw new Error(`${method} ${path} answered ${reply.status}: ${reply.text}`);
    return reply;
  };
  const login = async () => {
    const reply = await send("login", "POST", "/auth/login", { body: { email: user.email, password: user.password } });
    if (reply.status !== 200) throw new Error(`login answered ${reply.status}: ${reply.text}`);
    record.chains.push([JSON.parse(reply.text).data]);
  };
  try {
    await login();
    for (let step = 1; !stop(); step++) {
      const chain = record.chains.at(-1) as ReturnedPair[];
      const current = chain.at(-1) as ReturnedPair;
      const kind = step % 40 === 0 ? "login" : ["refresh", "refresh", "refresh", "refresh", "verify", "verify", "static", "verify-static"][step % 8];
      if (kind === "login") await login();
      else if (kind === "refresh") {
        const reply = await send("refresh", "POST", "/auth/refresh", { body: { refresh_token: current.refresh_token } });
        if (reply.status !== 200) throw new Error(`refresh answered ${reply.status}: ${reply.text}`);
        chain.push(JSON.parse(reply.text).data);
      } else if (kind === "static") {
        const reply = await send("static", "POST", "/users/me/token", { token: current.access_token });
        if (reply.status === 200) record.statics.push(JSON.parse(reply.text).data.token);
      } else {
        const token = kind === "verify-static" ? record.statics.at(-1) ?? current.access_token : current.access_token;
        const reply = await send("verify", "GET", "/users/me", { token });
        if (reply.status !== 200) throw new Error(`a live token was refused before the kill: ${reply.status} ${reply.text}`);
      }
    }
  } catch (error) {
    record.ended = error;
  }
  return record;
}
