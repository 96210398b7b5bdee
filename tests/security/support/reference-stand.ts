import { type SpawnedServer, serverEnv, spawnServer, tempDataDir } from "../../http/spawn-server.ts";
import { loopbackRequest, type LoopbackReply } from "../../reliability/support/loopback-client.ts";
import type { WirePair } from "./in-process-stand.ts";

/** The spawned reference server (`npm start`) on a fresh data directory, with an admin and a plain user. */
export interface ReferenceStand {
  readonly server: SpawnedServer;
  readonly url: string;
  readonly dir: string;
  readonly env: Record<string, string>;
  readonly secret: string;
  readonly admin: { readonly id: string; readonly email: string; readonly password: string };
  readonly ada: { readonly id: string; readonly email: string; readonly password: string };
  /** A request from a chosen loopback address (default 127.0.0.1). */
  call(method: string, path: string, call?: { body?: unknown; raw?: Uint8Array; token?: string; headers?: Record<string, string>; localAddress?: string }): Promise<LoopbackReply>;
  login(email: string, password: string, localAddress?: string): Promise<WirePair>;
  /** Creates a user through the admin API (`POST /users`); its id, or an error naming the refusal. */
  createUser(user: { readonly email: string; readonly password: string }): Promise<string>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
}

/** A fixed secret, so a test can derive the signing keys the way the server does. */
export const referenceSecret = "reference-secret-for-tests-0123456789abcdef";

/** Starts the reference server and creates Ada through the admin API. */
export async function startReferenceStand(extraEnv: Record<string, string> = {}): Promise<ReferenceStand> {
  const dir = tempDataDir();
  const admin = { id: "", email: "root@example.com", password: "root-password-4Wd" };
  const ada = { id: "", email: "ada@example.com", password: "ada-password-8Hn" };
  const env = serverEnv(dir, { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SECRET: referenceSecret, ...extraEnv });
  const server = await spawnServer(env);
  const call: ReferenceStand["call"] = (method, path, options = {}) => loopbackRequest(server.url + path, { method, ...options });
  const login = async (email: string, password: string, localAddress?: string) => {
    const reply = await call("POST", "/auth/login", { body: { email, password }, ...(localAddress === undefined ? {} : { localAddress }) });
    if (reply.status !== 200) throw new Error(`login of ${email} failed with ${reply.status}: ${reply.text}`);
    return (JSON.parse(reply.text) as { data: WirePair }).data;
  };
  const stop = async () => {
    await server.stop();
  };
  let adminToken: Promise<string> | undefined;
  const createUser: ReferenceStand["createUser"] = async (user) => {
    adminToken ??= login(admin.email, admin.password).then((pair) => pair.access_token);
    const created = await call("POST", "/users", { token: await adminToken, body: { email: user.email, password: user.password } });
    if (created.status !== 200) throw new Error(`could not create ${user.email}: ${created.status} ${created.text}`);
    return JSON.parse(created.text).data.id as string;
  };
  try {
    const adminPair = await login(admin.email, admin.password);
    admin.id = JSON.parse((await call("GET", "/users/me", { token: adminPair.access_token })).text).data.id;
    ada.id = await createUser(ada);
  } catch (error) {
    await stop();
    throw error;
  }
  return { server, url: server.url, dir, env, secret: referenceSecret, admin, ada, call, login, createUser, stop };
}
