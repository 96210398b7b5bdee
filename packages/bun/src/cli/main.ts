// `npx tessera <group> <action> ...`: administration straight on the database
// (same DATABASE_URL and SECRET as the server), no server needed.
import { ConfigError } from "@tessera/core";
import { openTessera } from "../server/open-tessera.ts";
import { readServerConfig } from "../server/server-config.ts";
import { type Args, commands, usage } from "./cli-commands.ts";

const help = `usage: tessera <command>

  user add <email> [--password P] [--role R]   create a user (password generated and shown once if absent)
  user list                                   list users
  user suspend <email> | user activate <email>
  user delete <email>
  user set-password <email> [--password P]    (generated and shown once if absent; ends the user's sessions)
  token issue <email>                         a new static token, shown once (replaces the old one)
  token revoke <email>
  sessions list <email>
  sessions revoke <email> (<session-id> | --all)
  keys rotate                                 new signing key; old ones verify until their tokens expire
  keys list

Reads DATABASE_URL (default sqlite:./data/tessera.db) and SECRET like the server.
Exit codes: 0 done, 1 refused (unknown user, invalid value), 2 usage or configuration error.`;

function parseArgs(argv: readonly string[]): { name: string; args: Args } {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) positional.push(arg);
    else if (arg.includes("=")) options.set(arg.slice(2, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1));
    else if (argv[i + 1] !== undefined && !(argv[i + 1] as string).startsWith("--") && arg !== "--all") options.set(arg.slice(2), argv[++i] as string);
    else options.set(arg.slice(2), true);
  }
  return { name: positional.slice(0, 2).join(" "), args: { positional: positional.slice(2), options } };
}

async function run(argv: readonly string[]): Promise<number> {
  const { name, args } = parseArgs(argv);
  const command = commands[name];
  if (command === undefined) {
    const result = argv.length === 0 || argv.includes("--help") ? { code: 0, text: help } : { code: 2, text: `unknown command "${name}"\n\n${help}` };
    (result.code === 0 ? process.stdout : process.stderr).write(result.text + "\n");
    return result.code;
  }
  let opened;
  try {
    opened = await openTessera(readServerConfig(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`tessera: configuration error: ${error.message}\n`);
    return 2;
  }
  try {
    const result = await command(opened, args).catch((error: unknown) => usage(`tessera: ${error instanceof Error ? error.message : String(error)}`));
    (result.exitCode === 0 ? process.stdout : process.stderr).write(result.lines.join("\n") + "\n");
    return result.exitCode;
  } finally {
    await opened.close();
  }
}

process.exit(await run(process.argv.slice(2)));
