import { isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The client's address behind `trustedProxies` proxies. Each proxy appends the address it saw to
 * `X-Forwarded-For`, so only the rightmost `trustedProxies` entries were written by proxies we
 * trust; everything left of them is whatever the client chose to send. The client is therefore
 * the entry the outermost trusted proxy appended, counted from the right, never the leftmost
 * (a client that sends a new `X-Forwarded-For` each time would otherwise be a new client each
 * time, and slip under every per-address limit).
 *
 * @param peer The socket's remote address (the nearest proxy, or the client without one).
 * @param forwardedFor The `X-Forwarded-For` header (repeated headers joined with commas).
 * @param trustedProxies How many proxies stand in front of the server (0: trust no header).
 * @returns An address: the header's entry when it is a valid IP, else the socket's.
 * @throws {never}
 * @example
 * clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7", 1); // "203.0.113.7" (6.6.6.6 was spoofed)
 */
export function clientAddress(
  peer: string,
  forwardedFor: string | undefined,
  trustedProxies: number,
): string {
  if (trustedProxies <= 0 || !forwardedFor) return peer;
  const hops = forwardedFor
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  if (hops.length === 0) return peer;
  const hop = hops[Math.max(0, hops.length - trustedProxies)]!;
  return isIP(hop) === 0 ? peer : hop;
}

/**
 * The client address of a request, for `trustedProxies` proxies in front (TRUST_PROXY): the
 * socket peer, or the `X-Forwarded-For` hop the outermost trusted proxy wrote (see
 * {@link clientAddress}).
 *
 * @throws {never} A request without a socket (`app.request()` in tests) is `"local"`.
 * @example
 * const clientIp = requestClientIp(rt.config.TRUST_PROXY);
 * clientIp(c); // "203.0.113.7"
 */
export function requestClientIp(trustedProxies: number): (c: Context) => string {
  return (c) => {
    let peer: string;
    try {
      peer = getConnInfo(c).remote.address ?? "unknown";
    } catch {
      peer = "local"; // app.request() in tests has no socket
    }
    return clientAddress(peer, c.req.header("x-forwarded-for"), trustedProxies);
  };
}
