/**
 * Password hashing (argon2id in production). Slow on purpose; the core calls
 * `verify` exactly once per login attempt, known email or not.
 */
export interface PasswordHasher {
  /** Hashes a password into a self-describing string (PHC format for argon2). */
  hash(password: string): Promise<string>;
  /** True when `password` matches `hash`. Must not throw for a malformed hash. */
  verify(hash: string, password: string): Promise<boolean>;
}
