/**
 * The only source of randomness the core knows. Production passes a CSPRNG
 * (`crypto.getRandomValues`); tests pass a seeded source for reproducible runs.
 */
export interface Random {
  /** Returns `length` fresh random bytes. */
  bytes(length: number): Uint8Array;
}
