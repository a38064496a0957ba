import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meilisearchClient } from "../../src/search/meilisearch-client.js";

/** A stand-in that answers Meilisearch's health route and counts the connections it is given. */
const seen: IncomingHttpHeaders[] = [];
let connections = 0;
const server = createServer((request, response) => {
  seen.push(request.headers);
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ status: "available" }));
});
server.on("connection", () => connections++);
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("meilisearchClient", () => {
  it("sends each request on a connection of its own, with the key, asking for answers uncompressed", async () => {
    const client = meilisearchClient({ url, apiKey: "a-search-key" });
    for (let i = 0; i < 3; i++) expect(await client.health()).toEqual({ status: "available" });
    expect(connections).toBe(3);
    expect(seen.map((headers) => headers.connection)).toEqual(["close", "close", "close"]);
    expect(seen[0]?.authorization).toBe("Bearer a-search-key");
    expect(seen.map((headers) => headers["accept-encoding"])).toEqual(["identity", "identity", "identity"]);
  });
});
