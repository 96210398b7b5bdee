import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { toNodeListener } from "@tessera/node";
import { registerConformanceTests } from "./conformance.ts";

registerConformanceTests("node", async (handler) => {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
});
