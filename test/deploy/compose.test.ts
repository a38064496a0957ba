// deploy/compose/ cannot be run here (no Docker on this machine), so its shape is checked instead:
// the services, that both instances share every setting but their name and DATA_DIR, that every
// setting is a real one from .env.example and valid as Signpost reads it, and that the proxy and the
// health checks point at /readyz on the port Signpost listens on.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config/load-config.js";
import { projectRoot } from "../support/run-process.js";

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  command?: string[];
}

const folder = path.join(projectRoot, "deploy/compose");
const compose = parse(readFileSync(path.join(folder, "compose.yaml"), "utf8"), { merge: true }) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
const caddyfile = readFileSync(path.join(folder, "Caddyfile"), "utf8");
const dockerfile = readFileSync(path.join(folder, "Dockerfile"), "utf8");
const exampleSettings = new Set(
  readFileSync(path.join(projectRoot, ".env.example"), "utf8")
    .split("\n")
    .map((line) => /^#?\s*([A-Za-z][A-Za-z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined),
);
const { services } = compose;
const instances = ["signpost-a", "signpost-b"] as const;
const env = (name: string) => services[name]?.environment ?? {};

/** Compose's ${NAME}, ${NAME:-default} and ${NAME:?message}, with a sample value for what the operator must set. */
function interpolate(value: string): string {
  let text = value;
  for (let inner = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-?])([^${}]*))?\}/; inner.test(text); ) {
    text = text.replace(inner, (_all, _name: string, kind: string | undefined, rest: string | undefined) => (kind === "-" ? (rest ?? "") : "a-sample-secret-of-enough-length"));
  }
  return text;
}

describe("deploy/compose/compose.yaml", () => {
  it("runs PostgreSQL, Meilisearch, two Signpost instances and a reverse proxy", () => {
    expect(Object.keys(services).sort()).toEqual(["directory-init", "meilisearch", "postgres", "proxy", "signpost-a", "signpost-b"]);
    for (const name of instances) expect(services[name]?.build).toEqual({ context: "../..", dockerfile: "deploy/compose/Dockerfile" });
    expect(services.proxy?.image).toMatch(/^caddy:/);
    expect(services.meilisearch?.image).toBe("getmeili/meilisearch:v1.21.0");
  });

  it("gives both instances every setting alike but their name and their DATA_DIR volume, and one shared directory volume", () => {
    const [a, b] = instances.map(env);
    const { INSTANCE_NAME: nameA, ...sharedA } = a!;
    const { INSTANCE_NAME: nameB, ...sharedB } = b!;
    expect(sharedA).toEqual(sharedB);
    expect([nameA, nameB]).toEqual(["signpost-a", "signpost-b"]);
    const mounts = (name: string) => Object.fromEntries((services[name]?.volumes ?? []).map((volume) => volume.split(":").reverse().slice(0, 2) as [string, string]));
    const [mountsA, mountsB] = instances.map(mounts);
    expect(mountsA![sharedA.DIRECTORY_DIR!]).toBe("directory");
    expect(mountsB![sharedA.DIRECTORY_DIR!]).toBe("directory");
    expect(mountsA![sharedA.DATA_DIR!]).not.toBe(mountsB![sharedA.DATA_DIR!]);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(["directory", mountsA![sharedA.DATA_DIR!]!, mountsB![sharedA.DATA_DIR!]!]));
  });

  it("sets only real settings, listed in .env.example, and Signpost accepts them as they are", () => {
    for (const name of instances) {
      const settings = env(name);
      expect(Object.keys(settings).filter((setting) => !exampleSettings.has(setting))).toEqual([]);
      const config = loadConfig(Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, interpolate(value)])), { cwd: projectRoot, readEnvFile: false });
      expect(config.referrals.store).toMatchObject({ kind: "postgres", url: expect.stringMatching(/^postgres:\/\/signpost:[^@]+@postgres:5432\/signpost$/) as unknown });
      expect(config.meilisearch?.url).toBe("http://meilisearch:7700");
      expect(config.nodeEnv).toBe("production");
    }
    expect(Object.keys(env("postgres"))).toEqual(["POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"]);
  });

  it("checks each instance's health on /readyz at the port it listens on, and starts it only after what it needs", () => {
    for (const name of instances) {
      const service = services[name]!;
      expect(service.healthcheck?.test.join(" ")).toContain(`http://127.0.0.1:${env(name).PORT}/readyz`);
      for (const [needed, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[needed], needed).toBeDefined();
        if (condition === "service_healthy") expect(services[needed]?.healthcheck, needed).toBeDefined();
      }
    }
    expect(Object.keys(services.proxy?.depends_on ?? {})).toEqual([...instances]);
  });

  it("balances round robin over both instances with no sticky sessions, taking out one whose /readyz fails", () => {
    const port = env("signpost-a").PORT;
    expect(caddyfile).toMatch(new RegExp(`reverse_proxy signpost-a:${port} signpost-b:${port} \\{`));
    expect(caddyfile).toMatch(/^\s*lb_policy round_robin$/m);
    expect(caddyfile).toMatch(/^\s*health_uri \/readyz$/m);
    expect(caddyfile).not.toMatch(/cookie|ip_hash|client_ip/);
    expect(services.proxy?.volumes).toContain("./Caddyfile:/etc/caddy/Caddyfile:ro");
  });

  it("builds an image that runs what npm start runs", () => {
    const start = (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
    const command = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect((JSON.parse(command ?? "[]") as string[]).join(" ")).toBe(start);
    expect(dockerfile).toMatch(/^FROM node:24-/m);
  });
});
