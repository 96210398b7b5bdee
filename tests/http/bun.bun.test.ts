import { serve } from "@tessera/bun";
import { registerConformanceTests } from "./conformance.ts";

registerConformanceTests("bun", async (handler) => {
  const server = serve(handler, { port: 0, hostname: "127.0.0.1" });
  return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop(true) };
});
