// The command arbitrary of the model run: one class per command, targets
// picked by index so that shrinking stays valid.
import fc from "fast-check";
import { encodeBase64url } from "@tessera/core";
import type { Model } from "../model.ts";
import { userCount, type System } from "../system.ts";
import { AdvanceClockCommand } from "./advance-clock-command.ts";
import { AdvanceToBoundaryCommand, boundaryKinds } from "./advance-to-boundary-command.ts";
import { ForgedAccessCommand, forgeries } from "./forged-access-command.ts";
import { GenerateStaticCommand } from "./generate-static-command.ts";
import { LoginCommand } from "./login-command.ts";
import { LogoutCommand } from "./logout-command.ts";
import { ReactivateUserCommand } from "./reactivate-user-command.ts";
import { RefreshCommand, type RefreshTokenKind } from "./refresh-command.ts";
import { RefreshUnknownCommand } from "./refresh-unknown-command.ts";
import { RetryCommand } from "./retry-command.ts";
import { RevokeStaticCommand } from "./revoke-static-command.ts";
import { SuspendUserCommand } from "./suspend-user-command.ts";
import { VerifyAccessCommand } from "./verify-access-command.ts";
import { VerifyStaticCommand } from "./verify-static-command.ts";

/**
 * Sequences of commands for `fc.asyncModelRun`, up to `maxCommands` long (about
 * half that on average); `replayPath` replays a printed counterexample.
 */
export function rotationCommands(maxCommands: number, replayPath?: string): fc.Arbitrary<Iterable<fc.AsyncCommand<Model, System>>> {
  const user = fc.nat({ max: userCount - 1 });
  const pick = fc.nat({ max: 50 });
  const refresh = (kind: RefreshTokenKind) => pick.map((p) => new RefreshCommand(kind, p));
  const step = (min: number, max: number) => fc.integer({ min, max }).map((ms) => new AdvanceClockCommand(ms));
  // Weighted so that most commands exercise rotation; suspension, which ends
  // everything, is rare enough that sessions live long enough to be rotated twice.
  const command: fc.Arbitrary<fc.AsyncCommand<Model, System>> = fc.oneof(
    { weight: 3, arbitrary: user.map((u) => new LoginCommand(u)) },
    { weight: 6, arbitrary: refresh("live") },
    { weight: 4, arbitrary: refresh("rotated") },
    { weight: 3, arbitrary: refresh("expired") },
    { weight: 1, arbitrary: refresh("revoked") },
    { weight: 3, arbitrary: pick.map((p) => new RetryCommand(p)) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => new RefreshUnknownCommand(encodeBase64url(bytes))) },
    { weight: 1, arbitrary: fc.tuple(pick, fc.constantFrom("session" as const, "all" as const)).map(([p, scope]) => new LogoutCommand(p, scope)) },
    { weight: 3, arbitrary: pick.map((p) => new VerifyAccessCommand(p)) },
    { weight: 1, arbitrary: fc.tuple(pick, fc.constantFrom(...forgeries)).map(([p, how]) => new ForgedAccessCommand(p, how)) },
    { weight: 3, arbitrary: step(1, 12_000) },
    { weight: 1, arbitrary: step(12_000, 700_000) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...boundaryKinds), pick, fc.constantFrom(-1 as const, 0 as const, 0 as const, 1 as const))
        .map(([kind, p, offset]) => new AdvanceToBoundaryCommand(kind, p, offset)),
    },
    { weight: 1, arbitrary: user.map((u) => new GenerateStaticCommand(u)) },
    { weight: 1, arbitrary: user.map((u) => new RevokeStaticCommand(u)) },
    { weight: 2, arbitrary: fc.tuple(pick, fc.boolean()).map(([p, mistyped]) => new VerifyStaticCommand(p, mistyped)) },
    { weight: 1, arbitrary: user.map((u) => new SuspendUserCommand(u)) },
    { weight: 1, arbitrary: user.map((u) => new ReactivateUserCommand(u)) },
  );
  return fc.commands<Model, System, false>([command], { maxCommands, size: "max", ...(replayPath === undefined ? {} : { replayPath }) });
}
