// RFC 6750 §3: a 401 for a bearer-token route says how to authenticate; it
// names an error only when a token was sent and is unusable.
const challenge = 'Bearer realm="tessera"';

/** Headers of a 401 for a request that sent no token at all. */
export const missingTokenChallenge: Readonly<Record<string, string>> = { "WWW-Authenticate": challenge };

/** Headers of a 401 for a token that was sent but is malformed, unknown, expired or revoked. */
export const invalidTokenChallenge: Readonly<Record<string, string>> = { "WWW-Authenticate": `${challenge}, error="invalid_token"` };
