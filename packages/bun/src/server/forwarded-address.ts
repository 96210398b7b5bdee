import type { FetchHandler } from "@tessera/fetch";

/** The address the nearest proxy saw: the last entry of `X-Forwarded-For`, or null. */
export function lastForwardedAddress(header: string | null): string | null {
  if (header === null) return null;
  const last = header.split(",").at(-1)?.trim() ?? "";
  return /^[0-9A-Fa-f:.]{2,45}$/.test(last) ? last : null;
}

/**
 * Behind one trusted reverse proxy (`TESSERA_TRUST_PROXY=true`), every
 * connection comes from the proxy, so per-address login limits would lump all
 * clients together; the client is the last `X-Forwarded-For` entry, the one the
 * proxy appended (earlier entries are whatever the client claimed).
 */
export function withForwardedAddress(handler: FetchHandler): FetchHandler {
  return (request, info) =>
    handler(request, {
      ...(info?.writesBodyText === undefined ? {} : { writesBodyText: info.writesBodyText }),
      get clientAddress() {
        return lastForwardedAddress(request.headers.get("x-forwarded-for")) ?? info?.clientAddress ?? null;
      },
    });
}
