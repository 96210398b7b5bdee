import { decideAccessBinding, decideAccessClaims } from "./decide-access.ts";
import { decideRefresh } from "./decide-refresh.ts";

/**
 * The pure decision functions that the service calls, grouped so that a test
 * can swap one for a deliberately broken variant and prove that the property
 * tests catch it (tests/model). Production code never replaces them.
 */
export interface Decisions {
  readonly decideRefresh: typeof decideRefresh;
  readonly decideAccessClaims: typeof decideAccessClaims;
  readonly decideAccessBinding: typeof decideAccessBinding;
}

/** The decisions of DESIGN.md: what the service uses unless a test says otherwise. */
export const defaultDecisions: Decisions = { decideRefresh, decideAccessClaims, decideAccessBinding };
