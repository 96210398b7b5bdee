import { raceProperty } from "./race-property.ts";
import { rotationModelProperty } from "./model-property.ts";
import { commandsReplayPath, propertyTest } from "./run-config.ts";
import type { StoreFactory } from "./system.ts";
import { sameSeedSameTranscriptProperty } from "./transcript-property.ts";

/** The names of the three properties on a store, as the tests are named (and as `TESSERA_PROPERTY` selects them). */
export function propertyNames(store: string) {
  return {
    model: `[${store}] the service follows the reference model and every invariant holds after every command`,
    transcript: `[${store}] the same seed and commands give the same transcript`,
    races: `[${store}] concurrent refreshes and logouts of one session never give two live successors or log out an honest tab`,
  };
}

/**
 * Registers the whole suite on one store: the same properties, the same rules,
 * whichever store holds the records. `file` is the test file, for the replay command.
 */
export function registerSuite(factory: StoreFactory, file: string): void {
  const names = propertyNames(factory.name);
  const cleanup = async () => factory.dispose?.();
  const replaying = (name: string) => {
    const replayPath = commandsReplayPath(name);
    return replayPath === undefined ? { factory } : { factory, replayPath };
  };
  propertyTest(names.model, file, factory.runs, () => rotationModelProperty(replaying(names.model)), cleanup);
  propertyTest(names.transcript, file, factory.runs, () => sameSeedSameTranscriptProperty(replaying(names.transcript)), cleanup);
  propertyTest(names.races, file, factory.runs, () => raceProperty({ factory }), cleanup);
}
