import { invalidPayload, type Refusal } from "./refusal.ts";

/** A parsed JSON object body, or the refusal to send instead. */
export type BodyResult = { readonly ok: true; readonly body: Record<string, unknown> } | { readonly ok: false; readonly refusal: Refusal };

const tooLarge = (limit: number): Refusal => ({
  status: 413,
  code: "PAYLOAD_TOO_LARGE",
  reason: "body_too_large",
  message: `The request body is larger than the limit of ${limit} bytes.`,
});

async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading at once: a huge body must not be buffered to find out it is huge.
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function isJsonType(contentType: string): boolean {
  const type = contentType.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/**
 * Reads a JSON object body with a size cap. An absent or empty body reads as
 * `{}` (a browser's cookie-mode refresh sends none); anything else must be
 * declared JSON (415), fit the limit (413) and parse to an object (400).
 */
export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return { ok: false, refusal: tooLarge(limit) };
  let bytes: Uint8Array | null;
  try {
    // With a Content-Length the server's parser already bounds the body, so it
    // can be read in one go (cheaper, and an adapter may hold it buffered);
    // only a chunked body needs counting as it streams.
    bytes = declared !== null ? new Uint8Array(await request.arrayBuffer()) : await readLimited(request, limit);
  } catch (error) {
    return { ok: false, refusal: invalidPayload(`The request body could not be read (${error instanceof Error ? error.message : "aborted"}).`, "unreadable_body") };
  }
  if (bytes === null) return { ok: false, refusal: tooLarge(limit) };
  if (bytes.byteLength === 0) return { ok: true, body: {} };
  const contentType = request.headers.get("content-type");
  if (contentType === null || !isJsonType(contentType)) {
    const refusal: Refusal = {
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
      reason: "unsupported_media_type",
      message: `Send the body as JSON with "Content-Type: application/json"${contentType === null ? "" : ` (got "${contentType.slice(0, 100)}")`}.`,
    };
    return { ok: false, refusal };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    // The parser's message quotes the input, which may hold a password: never echo it.
    return { ok: false, refusal: invalidPayload("The request body is not valid JSON (or not UTF-8); send a JSON object.", "malformed_json") };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { ok: false, refusal: invalidPayload("The request body must be a JSON object.", "malformed_json") };
  }
  return { ok: true, body: parsed as Record<string, unknown> };
}
