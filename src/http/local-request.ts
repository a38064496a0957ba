/**
 * Where a request comes from. The peer address is the socket's (Node's own
 * IncomingMessage, as @hono/node-server hands it to the app), never a header a
 * client can write. A request is local when it came over loopback, named a
 * loopback host and passed no proxy on the way: only such requests reach the
 * web chat in trial mode.
 */
import type { Context } from "hono";
import { isLoopbackHost } from "../config/access-config.js";

interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } };
}

/** The socket's remote address, or undefined when the request did not come over a socket (an in-process call). */
export function peerAddress(c: Context): string | undefined {
  const address = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
  return address?.startsWith("::ffff:") ? address.slice(7) : address;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && (address === "::1" || /^127(?:\.\d{1,3}){3}$/.test(address));
}

/** The host named in the Host header, without its port; "" when there is none. */
export function hostnameOf(hostHeader: string | undefined): string {
  if (!hostHeader) return "";
  try {
    return new URL(`http://${hostHeader}`).hostname.toLowerCase();
  } catch {
    return "";
  }
}

const proxyHeaders = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"];

export function isLocalRequest(c: Context): boolean {
  if (!isLoopbackAddress(peerAddress(c))) return false;
  if (!isLoopbackHost(hostnameOf(c.req.header("host")))) return false;
  return !proxyHeaders.some((header) => c.req.header(header) !== undefined);
}
