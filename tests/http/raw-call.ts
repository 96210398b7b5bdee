import { connect } from "node:net";

/** An answer read off the socket: status line code, lower-case headers, the body text and its JSON if any. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly text: string;
  // deno-lint-ignore no-explicit-any
  readonly json: any;
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf("\r\n", at);
    const size = Number.parseInt(body.subarray(at, lineEnd).toString("latin1"), 16);
    if (lineEnd < 0 || !(size > 0)) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

function parseAnswer(bytes: Buffer): RawAnswer {
  const headEnd = bytes.indexOf("\r\n\r\n");
  if (headEnd < 0) throw new Error(`no complete response head in ${JSON.stringify(bytes.toString("latin1").slice(0, 200))}`);
  const [statusLine = "", ...lines] = bytes.subarray(0, headEnd).toString("latin1").split("\r\n");
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const rest = bytes.subarray(headEnd + 4);
  const text = (headers.get("transfer-encoding") === "chunked" ? dechunk(rest) : rest).toString("utf8");
  let json: unknown = undefined;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: Number(statusLine.split(" ")[1]), headers, text, json };
}

/**
 * Sends bytes exactly as given to a server and reads its answer until the
 * server closes the connection: for requests `fetch` will not send (a bad or
 * missing Host, HTTP/1.0, invalid UTF-8 written byte for byte). The request
 * should ask for `Connection: close` (HTTP/1.0 does by default).
 */
export function rawCall(baseUrl: string, request: string | Uint8Array): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer within 10 s")));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
    socket.on("error", reject);
    socket.write(typeof request === "string" ? Buffer.from(request, "latin1") : request);
  });
}
