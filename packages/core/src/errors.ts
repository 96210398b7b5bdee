/**
 * A fault that is not an expected outcome: a misconfiguration, a broken store,
 * a bug. Expected refusals are {@link Failure} values instead.
 */
export class TesseraError extends Error {
  override readonly name: string = "TesseraError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Configuration that cannot work (a bad duration, a short key). Names the field. */
export class ConfigError extends TesseraError {
  override readonly name = "ConfigError";
  /** The configuration field at fault, e.g. `accessTokenTtl`. */
  readonly field: string;
  constructor(field: string, message: string, options?: { cause?: unknown }) {
    super(message.includes(field) ? message : `${field}: ${message}`, options);
    this.field = field;
  }
}

/** The store broke its contract or failed; carries the driver error as `cause`. */
export class StoreError extends TesseraError {
  override readonly name = "StoreError";
}
