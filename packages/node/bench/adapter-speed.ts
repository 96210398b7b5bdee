// Measures the node:http adapter against bare node:http and a naive
// Request/Response bridge, with wrk over loopback. Prints figures and ratios;
// not a test. Run: node --conditions=source --import tsx packages/node/bench/adapter-speed.ts
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { createTestKit } from "@tessera/core/testing";
import { createFetchHandler, type FetchHandler } from "@tessera/fetch";
import { createNodeCrypto } from "../src/node-crypto.ts";
import { toNodeListener } from "../src/to-node-listener.ts";

const kit = createTestKit({ crypto: createNodeCrypto() });
const handler = createFetchHandler(kit.tessera);
const health = JSON.stringify({ status: "ok", checks: { database: "none" } });
const refusal = JSON.stringify({ errors: [{ message: "Invalid user credentials.", extensions: { code: "INVALID_CREDENTIALS", reason: "unknown" } }] });

// The floor: node:http answering the same bytes with no fetch machinery at all.
const bare: RequestListener = (req, res) => {
  if (req.method === "GET") return void res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(health);
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c)).on("end", () => res.writeHead(401, { "content-type": "application/json; charset=utf-8" }).end(refusal));
};

// What a first attempt looks like: full Request with a web-stream body, Response read back as a stream.
function naive(fetchHandler: FetchHandler): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const init: RequestInit & { duplex?: string } = { method: req.method ?? "GET", headers };
      if (hasBody) Object.assign(init, { body: Readable.toWeb(req), duplex: "half" });
      const response = await fetchHandler(new Request(`http://${req.headers.host}${req.url}`, init));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  };
}

async function listen(listener: RequestListener) {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

// wrk runs as a child process: the servers live in this process and must keep answering.
async function wrk(port: number, path: string, script?: string): Promise<number> {
  const args = ["-t1", "-c32", "-d5s", ...(script === undefined ? [] : ["-s", script]), `http://127.0.0.1:${port}${path}`];
  const { stdout: out } = await promisify(execFile)("wrk", args, { encoding: "utf8" });
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
}

const post = "/tmp/tessera-bench-post.lua";
execFileSync("sh", ["-c", `cat > ${post} <<'LUA'
wrk.method = "POST"
wrk.body = '{"refresh_token":"${"A".repeat(43)}"}'
wrk.headers["Content-Type"] = "application/json"
LUA`]);

const variants: [string, RequestListener][] = [["bare node:http", bare], ["naive bridge", naive(handler)], ["toNodeListener", toNodeListener(handler)]];
for (const [label, path, script] of [["GET /server/health", "/server/health", undefined], ["POST /auth/refresh (unknown token)", "/auth/refresh", post]] as const) {
  const figures = new Map<string, number>();
  for (const [name, listener] of variants) {
    const { server, port } = await listen(listener);
    await wrk(port, path, script); // warm-up, discarded
    figures.set(name, await wrk(port, path, script));
    server.closeAllConnections();
    server.close();
  }
  const floor = figures.get("bare node:http") ?? NaN;
  console.log(`\n${label}`);
  for (const [name, rps] of figures) console.log(`  ${name.padEnd(16)} ${rps.toFixed(0).padStart(7)} req/s  ${(rps / floor).toFixed(2)} of bare`);
}
