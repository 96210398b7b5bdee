import assert from "node:assert/strict";

/** A response as the tests see it: status, headers and the whole body text. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** Reads a Response fully into a {@link Reply}. */
export async function readReply(response: Response): Promise<Reply> {
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The `extensions` of the first error of an envelope, after checking the envelope's shape. */
export interface ErrorExtensions {
  readonly code: string;
  readonly reason: string;
  readonly message: string;
}

/**
 * Asserts Directus's error envelope, `{"errors":[{"message","extensions":{"code","reason"}}]}`,
 * served as JSON, and returns the first error's code, reason and message.
 */
export function assertErrorEnvelope(reply: Reply, context = ""): ErrorExtensions {
  const where = context === "" ? `status ${reply.status}` : `${context} (status ${reply.status})`;
  assert.match(reply.headers.get("content-type") ?? "", /^application\/json/, `${where}: an error is served as JSON`);
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    assert.fail(`${where}: the error body is not JSON: ${reply.text.slice(0, 200)}`);
  }
  const errors = (body as { errors?: unknown }).errors;
  assert.ok(Array.isArray(errors) && errors.length > 0, `${where}: the body has a non-empty errors array: ${reply.text.slice(0, 200)}`);
  const first = errors[0] as { message?: unknown; extensions?: { code?: unknown; reason?: unknown } };
  assert.equal(typeof first.message, "string", `${where}: errors[0].message is a string`);
  assert.equal(typeof first.extensions?.code, "string", `${where}: errors[0].extensions.code is a string`);
  assert.equal(typeof first.extensions?.reason, "string", `${where}: errors[0].extensions.reason is a string`);
  return { code: first.extensions?.code as string, reason: first.extensions?.reason as string, message: first.message as string };
}

/** Asserts a refusal: this status, the envelope, and this code (and reason, when given). */
export function assertRefusal(reply: Reply, status: number, code: string, reason?: string): ErrorExtensions {
  assert.equal(reply.status, status, `expected ${status} ${code}, got ${reply.status}: ${reply.text.slice(0, 300)}`);
  const error = assertErrorEnvelope(reply);
  assert.equal(error.code, code, `code of ${reply.text.slice(0, 300)}`);
  if (reason !== undefined) assert.equal(error.reason, reason, `reason of ${reply.text.slice(0, 300)}`);
  return error;
}
