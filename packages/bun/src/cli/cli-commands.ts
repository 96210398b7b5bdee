import { encodeBase64url, normalizeEmail, type PublicUser, toPublicUser } from "@tessera/core";
import { webRandom } from "@tessera/core/platform";
import type { OpenedTessera } from "../server/open-tessera.ts";

/** What a command prints and how the process ends: 0 done, 1 refused (not found, invalid), 2 usage. */
export interface CommandResult {
  readonly exitCode: 0 | 1 | 2;
  readonly lines: readonly string[];
}

/** Parsed arguments: positionals and `--name value` / `--flag` options. */
export interface Args {
  readonly positional: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

const ok = (...lines: string[]): CommandResult => ({ exitCode: 0, lines });
const refused = (...lines: string[]): CommandResult => ({ exitCode: 1, lines });
/** A usage error. */
export const usage = (...lines: string[]): CommandResult => ({ exitCode: 2, lines });

async function findUser(opened: OpenedTessera, email: string | undefined): Promise<PublicUser | string> {
  if (email === undefined) return "missing <email>";
  const user = await opened.store.findUserByEmail(normalizeEmail(email));
  return user === null ? `no user with email ${email}` : toPublicUser(user);
}

const option = (args: Args, name: string): string | undefined => {
  const value = args.options.get(name);
  return typeof value === "string" ? value : undefined;
};

const describe = (u: PublicUser) => `${u.id}  ${u.email}  role=${u.role}  status=${u.status}  created=${new Date(u.createdAt).toISOString()}`;

type Command = (opened: OpenedTessera, args: Args) => Promise<CommandResult>;

async function withUser(opened: OpenedTessera, args: Args, then: (user: PublicUser) => Promise<CommandResult>): Promise<CommandResult> {
  const user = await findUser(opened, args.positional[0]);
  return typeof user === "string" ? (args.positional[0] === undefined ? usage(user) : refused(user)) : then(user);
}

function setStatus(status: "active" | "suspended"): Command {
  return (opened, args) =>
    withUser(opened, args, async (user) => {
      const outcome = await opened.tessera.updateUser(user.id, { status });
      return outcome.ok ? ok(`${user.email} is now ${status}${status === "suspended" ? "; its sessions and static token are revoked" : ""}`) : refused(outcome.message);
    });
}

/** Every command, by `<group> <action>`. */
export const commands: Record<string, Command> = {
  async "user add"(opened, args) {
    const email = args.positional[0];
    if (email === undefined) return usage("usage: tessera user add <email> [--password P] [--role R]");
    const given = option(args, "password");
    const password = given ?? encodeBase64url(webRandom.bytes(18));
    const outcome = await opened.tessera.createUser({ email, password, role: option(args, "role") ?? "user" });
    if (!outcome.ok) return refused(outcome.message);
    return ok(`created ${describe(outcome.value)}`, ...(given === undefined ? [`generated password (shown once): ${password}`] : []));
  },
  async "user list"(opened) {
    const users = await opened.tessera.listUsers();
    return ok(...(users.length === 0 ? ["no users"] : users.map(describe)));
  },
  "user suspend": setStatus("suspended"),
  "user activate": setStatus("active"),
  async "user delete"(opened, args) {
    return withUser(opened, args, async (user) => {
      const outcome = await opened.tessera.deleteUser(user.id);
      return outcome.ok ? ok(`deleted ${user.email}`) : refused(outcome.message);
    });
  },
  async "user set-password"(opened, args) {
    return withUser(opened, args, async (user) => {
      const given = option(args, "password");
      const password = given ?? encodeBase64url(webRandom.bytes(18));
      const outcome = await opened.tessera.updateUser(user.id, { password });
      if (!outcome.ok) return refused(outcome.message);
      return ok(`password of ${user.email} changed; its sessions are revoked`, ...(given === undefined ? [`generated password (shown once): ${password}`] : []));
    });
  },
  async "token issue"(opened, args) {
    return withUser(opened, args, async (user) => {
      const outcome = await opened.tessera.generateStaticToken(user.id);
      return outcome.ok ? ok(outcome.value.token) : refused(outcome.message);
    });
  },
  async "token revoke"(opened, args) {
    return withUser(opened, args, async (user) => {
      const outcome = await opened.tessera.revokeStaticToken(user.id);
      if (!outcome.ok) return refused(outcome.message);
      return outcome.value.revoked ? ok(`static token of ${user.email} revoked`) : ok(`${user.email} had no static token`);
    });
  },
  async "sessions list"(opened, args) {
    return withUser(opened, args, async (user) => {
      const listed = await opened.tessera.listSessions(user.id);
      if (!listed.ok) return refused(listed.message);
      const sessions = listed.value;
      if (sessions.length === 0) return ok(`${user.email} has no live session`);
      return ok(...sessions.map((s) => `${s.id}  created=${new Date(s.createdAt).toISOString()}  last-refresh=${new Date(s.lastRefreshedAt).toISOString()}  ip=${s.ip ?? "-"}  agent=${s.userAgent ?? "-"}`));
    });
  },
  async "sessions revoke"(opened, args) {
    return withUser(opened, args, async (user) => {
      const id = args.positional[1];
      if (id === undefined) {
        if (args.options.get("all") !== true) return usage("usage: tessera sessions revoke <email> (<session-id> | --all)");
        const outcome = await opened.tessera.revokeAllSessions(user.id);
        return outcome.ok ? ok(`revoked ${outcome.value.revoked} session(s) of ${user.email}`) : refused(outcome.message);
      }
      const outcome = await opened.tessera.revokeSession(user.id, id);
      return outcome.ok ? ok(`revoked session ${id}`) : refused(outcome.message);
    });
  },
  async "keys rotate"(opened) {
    const kid = await opened.keys.rotate();
    return ok(`new signing key ${kid}; older keys verify until the tokens they signed expire (running servers pick it up within TESSERA_KEY_RELOAD_INTERVAL)`);
  },
  async "keys list"(opened) {
    const keys = await opened.store.listSigningKeys();
    return ok(...keys.map((k) => `${k.kid}  ${k.alg}  created=${new Date(k.createdAt).toISOString()}  ${k.retiredAt === null ? "live" : `retired=${new Date(k.retiredAt).toISOString()}`}`));
  },
};
