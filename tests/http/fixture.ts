import type { PolicyInput, Store, Tessera } from "@tessera/core";
import { createTestKit, type TestKit } from "@tessera/core/testing";
import { createFetchHandler, type FetchHandler, type FetchHandlerOptions } from "@tessera/fetch";

/** A server under test: its base URL (no trailing slash) and how to stop it. */
export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts a server for a handler on 127.0.0.1, port 0, with the runtime under test. */
export type StartServer = (handler: FetchHandler) => Promise<RunningServer>;

/** What one test wants of its server. */
export interface FixtureOptions {
  readonly policy?: PolicyInput;
  readonly handler?: Omit<FetchHandlerOptions, "now">;
  /** Replaces the store, e.g. with one that fails. */
  readonly store?: Store;
}

/** A parsed answer: status, headers, the text and, when it is JSON, the value. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // deno-lint-ignore no-explicit-any
  readonly json: any;
  readonly cookies: readonly string[];
}

/** One request; `body` is sent as JSON unless `raw` is given. */
export interface Call {
  readonly body?: unknown;
  readonly raw?: BodyInit;
  readonly token?: string;
  readonly headers?: Record<string, string>;
  /** Send `raw` as a stream (chunked, no Content-Length). */
  readonly duplex?: boolean;
}

/** A running server with a test kit behind it and two users: an admin and Ada. */
export interface Fixture {
  readonly kit: TestKit;
  readonly tessera: Tessera;
  readonly url: string;
  readonly adminId: string;
  readonly adaId: string;
  call(method: string, path: string, call?: Call): Promise<Answer>;
  /** Logs in (json mode) and returns the pair. */
  login(email?: string, password?: string): Promise<{ access_token: string; refresh_token: string; expires: number }>;
}

// Short lifetimes, driven by a manual clock: expiry is reached by advancing it, never by waiting.
const defaultPolicy: PolicyInput = { accessTokenTtl: "1m", refreshTokenTtl: "1h", reuseGrace: "10s", loginFailuresPerAccountAndAddress: 3 };

async function call(base: string, method: string, path: string, options: Call = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  if (options.token !== undefined) headers["authorization"] = `Bearer ${options.token}`;
  const init: RequestInit & { duplex?: "half" } = { method, headers, ...(body === undefined ? {} : { body }) };
  if (options.duplex === true) init.duplex = "half";
  const response = await fetch(base + path, init);
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json, cookies: response.headers.getSetCookie() };
}

/** Runs `body` against a fresh server and always stops it. */
export async function withServer(start: StartServer, options: FixtureOptions, body: (fixture: Fixture) => Promise<void>): Promise<void> {
  const kit = createTestKit({ policy: { ...defaultPolicy, ...options.policy }, ...(options.store === undefined ? {} : { store: options.store }) });
  const admin = await kit.tessera.createUser({ email: "admin@example.com", password: "admin-password", role: "admin" });
  const ada = await kit.tessera.createUser({ email: "ada@example.com", password: "ada-password" });
  if (!admin.ok || !ada.ok) throw new Error("fixture users could not be created");
  const handler = createFetchHandler(kit.tessera, { ...options.handler, now: kit.clock.now });
  const server = await start(handler);
  const fixture: Fixture = {
    kit,
    tessera: kit.tessera,
    url: server.url,
    adminId: admin.value.id,
    adaId: ada.value.id,
    call: (method, path, options) => call(server.url, method, path, options),
    async login(email = "ada@example.com", password = "ada-password") {
      const answer = await call(server.url, "POST", "/auth/login", { body: { email, password } });
      if (answer.status !== 200) throw new Error(`login failed with ${answer.status}: ${answer.text}`);
      return answer.json.data;
    },
  };
  try {
    await body(fixture);
  } finally {
    await server.stop();
  }
}

/** A cookie's attributes from a Set-Cookie value, by lower-case name (the cookie itself under its own name). */
export function parseSetCookie(header: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const part of header.split(";")) {
    const equals = part.indexOf("=");
    const name = (equals < 0 ? part : part.slice(0, equals)).trim();
    attributes.set(attributes.size === 0 ? name : name.toLowerCase(), equals < 0 ? "" : part.slice(equals + 1).trim());
  }
  return attributes;
}

/** The Set-Cookie value for a cookie name, if the answer set it. */
export function findCookie(answer: Answer, name: string): Map<string, string> | undefined {
  const header = answer.cookies.find((cookie) => cookie.startsWith(`${name}=`));
  return header === undefined ? undefined : parseSetCookie(header);
}
