import type { PolicyInput } from "@tessera/core";
import { createTestKit, type TestKit, type TestKitOptions } from "@tessera/core/testing";
import { createFetchHandler, type FetchHandler } from "@tessera/fetch";
import { readReply, type Reply } from "./envelope.ts";

/** A token pair as the wire returns it. */
export interface WirePair {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly expires: number;
}

/** One request to a stand; `body` is sent as JSON unless `raw` is given. */
export interface StandCall {
  readonly body?: unknown;
  readonly raw?: BodyInit;
  readonly token?: string;
  readonly headers?: Record<string, string>;
  readonly clientAddress?: string;
}

/** The fetch handler over a test kit, called in-process, with every fault it reported. */
export interface Stand {
  readonly kit: TestKit;
  readonly handler: FetchHandler;
  /** What the handler passed to `onError`: every entry is a bug (it answered 500). */
  readonly faults: unknown[];
  readonly adminId: string;
  readonly adaId: string;
  call(method: string, path: string, call?: StandCall): Promise<Reply>;
  /** Logs in over the handler (json mode); throws unless 200. */
  login(email?: string, password?: string, clientAddress?: string): Promise<WirePair>;
}

/** Passwords of the stand's users; tests search for them in logs and columns. */
export const standPasswords = { admin: "admin-password-7Qx", ada: "ada-password-9Zk" } as const;

/** Builds a {@link Request} for a stand call, as a client would send it. */
export function buildRequest(base: string, method: string, path: string, call: StandCall = {}): Request {
  const headers = new Headers(call.headers);
  let body: BodyInit | undefined = call.raw;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  if (call.token !== undefined) headers.set("authorization", `Bearer ${call.token}`);
  return new Request(base + path, { method, headers, ...(body === undefined ? {} : { body }) });
}

/**
 * A handler on a test kit (manual clock, seeded random, memory stores) with an
 * admin and Ada, the way tests/http/fixture.ts builds one, but called without
 * a socket so that thousands of requests stay fast.
 */
export async function createStand(options: { readonly policy?: PolicyInput; readonly kit?: TestKitOptions } = {}): Promise<Stand> {
  const kit = createTestKit({ ...options.kit, ...(options.policy === undefined ? {} : { policy: options.policy }) });
  const admin = await kit.tessera.createUser({ email: "admin@example.com", password: standPasswords.admin, role: "admin" });
  const ada = await kit.tessera.createUser({ email: "ada@example.com", password: standPasswords.ada });
  if (!admin.ok || !ada.ok) throw new Error("stand users could not be created");
  const faults: unknown[] = [];
  const handler = createFetchHandler(kit.tessera, { now: kit.clock.now, onError: (error) => faults.push(error) });
  const call = async (method: string, path: string, options: StandCall = {}) =>
    readReply(await handler(buildRequest("http://127.0.0.1", method, path, options), { clientAddress: options.clientAddress ?? "198.51.100.1" }));
  return {
    kit,
    handler,
    faults,
    adminId: admin.value.id,
    adaId: ada.value.id,
    call,
    async login(email = "ada@example.com", password: string = standPasswords.ada, clientAddress?: string) {
      const reply = await call("POST", "/auth/login", { body: { email, password }, ...(clientAddress === undefined ? {} : { clientAddress }) });
      if (reply.status !== 200) throw new Error(`login of ${email} failed with ${reply.status}: ${reply.text}`);
      return (JSON.parse(reply.text) as { data: WirePair }).data;
    },
  };
}
