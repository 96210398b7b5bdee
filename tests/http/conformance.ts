import { registerAdminCases } from "./admin-cases.ts";
import { registerAuthCases } from "./auth-cases.ts";
import type { StartServer } from "./fixture.ts";
import { registerProtocolCases } from "./protocol-cases.ts";
import { registerTokenCases } from "./token-cases.ts";

export type { RunningServer, StartServer } from "./fixture.ts";

/**
 * Registers the HTTP conformance suite: every route, mode, cookie attribute and
 * error of DESIGN.md, black-box over a real socket. Each test starts its own
 * server through `start` (127.0.0.1, port 0) on a fresh test kit and stops it.
 */
export function registerConformanceTests(runtime: string, start: StartServer): void {
  registerAuthCases(runtime, start);
  registerTokenCases(runtime, start);
  registerAdminCases(runtime, start);
  registerProtocolCases(runtime, start);
}
