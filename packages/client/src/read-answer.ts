import { ApiError, NetworkError } from "./client-errors.ts";

// deno-lint-ignore no-explicit-any
type Json = any;

function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function parseJson(text: string, status: number): Json {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new NetworkError("bad_response", `The server answered ${status} with a body that is not JSON.`, { cause });
  }
}

/** The error for a refusal: the envelope's first error, or a bare status when the answer has no envelope. */
function refusalOf(status: number, body: Json, retryAfter: number | null): ApiError {
  const first = Array.isArray(body?.errors) ? body.errors[0] : undefined;
  const code = first?.extensions?.code;
  const reason = first?.extensions?.reason;
  const message = first?.message;
  return new ApiError(
    status,
    typeof code === "string" ? code : status >= 500 ? "INTERNAL_SERVER_ERROR" : "UNEXPECTED_RESPONSE",
    typeof reason === "string" ? reason : `http_${status}`,
    typeof message === "string" ? message : `The server answered ${status}.`,
    retryAfter,
  );
}

/**
 * Reads an answer in Directus's wire format: the `data` of a JSON success
 * (undefined for 204), the text of a non-JSON success, or throws an
 * {@link ApiError} with the envelope's code and reason.
 */
export async function readAnswer(response: Response, now: number): Promise<unknown> {
  const text = await response.text();
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  if (response.ok) {
    if (text === "") return undefined;
    if (!isJson) return text;
    const body = parseJson(text, response.status);
    return typeof body === "object" && body !== null && "data" in body ? body.data : body;
  }
  let body: Json = undefined;
  try {
    body = isJson ? JSON.parse(text) : undefined;
  } catch {
    // A refusal without a readable envelope still surfaces as an ApiError with its status.
  }
  throw refusalOf(response.status, body, retryAfterMs(response.headers.get("retry-after"), now));
}
