import * as v from "valibot";
import { readJsonBody } from "./read-json-body.ts";
import { invalidPayload } from "./refusal.ts";
import { refusalResponse } from "./responses.ts";
import type { RouteContext } from "./route-context.ts";

/**
 * Reads a route's JSON body (see {@link readJsonBody}) and checks its shape:
 * the parsed value, or the refusal response to send instead (413, 415, or a
 * 400 `INVALID_PAYLOAD` whose message names the first bad field).
 *
 * @example
 * const body = await readBody(context, loginSchema);
 * if (body instanceof Response) return body;
 */
export async function readBody<S extends v.GenericSchema>(context: RouteContext, schema: S): Promise<v.InferOutput<S> | Response> {
  const read = await readJsonBody(context.request, context.options.maxBodyBytes);
  if (!read.ok) return refusalResponse(read.refusal);
  const result = v.safeParse(schema, read.body);
  return result.success ? result.output : refusalResponse(invalidPayload(result.issues[0].message));
}
