import { decodeBase64url, decodeUtf8, encodeBase64url, encodeUtf8 } from "@tessera/core";
import { checkAcceptedAccessToken } from "../invariants.ts";
import type { Model } from "../model.ts";
import type { System } from "../system.ts";
import { expectAnswer, ModelCommand, pickNewest, summarize } from "./model-command.ts";

/** How an issued access token is tampered with. */
export const forgeries = ["extended-exp", "other-session", "flipped-signature"] as const;
/** See {@link forgeries}. */
export type Forgery = (typeof forgeries)[number];

function forge(token: string, how: Forgery, sessionIds: readonly string[]): string {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  if (how === "flipped-signature") return `${header}.${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
  const claims = JSON.parse(decodeUtf8(decodeBase64url(payload)!)!) as Record<string, unknown>;
  const otherSession = sessionIds.find((id) => id !== claims["sid"]) ?? `${String(claims["sid"])}-other`;
  const changed = how === "extended-exp" ? { ...claims, exp: (claims["exp"] as number) + 3600 } : { ...claims, sid: otherSession };
  return `${header}.${encodeBase64url(encodeUtf8(JSON.stringify(changed)))}.${signature}`;
}

/** Verify an issued access token whose claims or signature were changed without the key: never accepted. */
export class ForgedAccessCommand extends ModelCommand {
  constructor(
    readonly pick: number,
    readonly how: Forgery,
  ) {
    super();
  }

  override check(m: Readonly<Model>): boolean {
    return m.access.length > 0;
  }

  protected async step(_m: Model, s: System): Promise<string> {
    const index = pickNewest(s.access.length, this.pick);
    const forged = forge(s.access[index]!, this.how, s.sessionIds);
    const outcome = await s.kit.tessera.verifyAccessToken(forged);
    if (outcome.ok) await checkAcceptedAccessToken(s, forged);
    expectAnswer(`${this} = forged access #${index}`, { ok: false, code: "INVALID_TOKEN", reason: "bad_signature" }, outcome);
    return summarize(outcome);
  }

  toString(): string {
    return `forgedAccess(${this.pick}, ${this.how})`;
  }
}
