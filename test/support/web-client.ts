import { request } from "node:http";

/**
 * A browser-like HTTP client for the web chat, over real HTTP: it keeps the
 * cookies the server sets (like a browser's jar, per client) and sends them
 * back, so a test can be two different people at once. A Host header of the
 * test's choosing (as a DNS-rebinding page would send) goes by node:http,
 * since fetch always writes its own.
 */
export interface WebClient {
  /** GET or POST a path on the server; `json` is sent as application/json. */
  fetch(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  chat(body: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  readonly cookies: Map<string, string>;
}

export function webClient(base: string, defaults: Record<string, string> = {}): WebClient {
  const cookies = new Map<string, string>();
  const client: WebClient = {
    cookies,
    async fetch(path, init = {}) {
      const headers = new Headers({ ...defaults, ...(init.headers as Record<string, string> | undefined) });
      if (cookies.size > 0 && !headers.has("cookie")) headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
      const { json, ...rest } = init;
      if (json !== undefined) {
        if (!headers.has("content-type")) headers.set("content-type", "application/json");
        rest.body = typeof json === "string" ? json : JSON.stringify(json);
        rest.method ??= "POST";
      }
      const response = headers.has("host") ? await withHost(`${base}${path}`, rest.method ?? "GET", headers, rest.body) : await fetch(`${base}${path}`, { ...rest, headers, redirect: "manual" });
      for (const line of response.headers.getSetCookie()) {
        const [pair = "", ...attributes] = line.split(";");
        const [name = "", value = ""] = pair.split("=");
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
        if (expired || value === "") cookies.delete(name.trim());
        else cookies.set(name.trim(), value.trim());
      }
      return response;
    },
    chat: (body, headers = {}) => client.fetch("/api/chat", { json: body, headers }),
  };
  return client;
}

/** One request with exactly the headers given, Host included, as a fetch Response. */
function withHost(url: string, method: string, headers: Headers, body: RequestInit["body"]): Promise<Response> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers: Object.fromEntries(headers) }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, one);
        }
        const status = incoming.statusCode ?? 0;
        resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
      });
    });
    sent.on("error", reject);
    if (typeof body === "string") sent.write(body);
    sent.end();
  });
}
