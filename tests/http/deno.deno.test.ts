import { registerConformanceTests } from "./conformance.ts";

declare const Deno: {
  serve(
    options: { port: number; hostname: string; onListen?: (address: { port: number }) => void },
    handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>,
  ): { addr: { port: number }; shutdown(): Promise<void>; finished: Promise<void> };
};

registerConformanceTests("deno", async (handler) => {
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => {} }, (request, info) => handler(request, { clientAddress: info.remoteAddr.hostname }));
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    stop: async () => {
      await server.shutdown();
      await server.finished;
    },
  };
});
