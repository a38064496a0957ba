// The Teams app package: deploy/teams/manifest.json with the app id filled in, and the two
// icons Teams requires (color 192 x 192; outline 32 x 32, white on transparent), zipped at the
// root. The zip is read back here with the ZIP format's own structures (central directory,
// raw deflate, CRC-32), and the manifest's commands are the ones the bot and extension answer.
import { readFileSync } from "node:fs";
import path from "node:path";
import { crc32, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildAppPackage } from "../../../deploy/teams/app-package/app-package.js";
import { colorIcon, outlineIcon } from "../../../deploy/teams/app-package/icons.js";
import { decodePng, encodePng } from "../../../deploy/teams/app-package/png.js";
import { queryParameter, searchCommandId } from "../../../src/channels/teams/message-extension.js";

const deploy = path.join(import.meta.dirname, "../../../deploy/teams");
const read = (name: string) => readFileSync(path.join(deploy, name));
const appId = "6f1c7e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(offset)).toBe(0x02014b50);
    const method = archive.readUInt16LE(offset + 10);
    const crc = archive.readUInt32LE(offset + 16);
    const size = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extra = archive.readUInt16LE(offset + 30) + archive.readUInt16LE(offset + 32);
    const local = archive.readUInt32LE(offset + 42);
    const name = archive.toString("utf8", offset + 46, offset + 46 + nameLength);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const stored = archive.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(stored) : stored;
    expect(crc32(data)).toBe(crc);
    files.set(name, data);
    offset += 46 + nameLength + extra;
  }
  return files;
}

function build(version?: string) {
  return buildAppPackage({ manifestTemplate: read("manifest.json").toString("utf8"), appId, ...(version ? { version } : {}), colorPng: read("color.png"), outlinePng: read("outline.png") });
}

describe("the Teams app package", () => {
  it("zips the manifest, with the app id filled in, and both icons at the root", () => {
    const files = unzip(build("1.2.3").zip);
    expect([...files.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8")) as Record<string, unknown> & {
      bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string; description: string }[] }[] }[];
      composeExtensions: { botId: string; commands: { id: string; type: string; title: string; parameters: { name: string }[] }[] }[];
      name: { short: string; full: string };
      description: { short: string; full: string };
      developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
    };
    expect(manifest.id).toBe(appId);
    expect(manifest.version).toBe("1.2.3");
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${String(manifest.manifestVersion)}/MicrosoftTeams.schema.json`);
    expect(manifest.bots[0]?.botId).toBe(appId);
    expect(manifest.bots[0]?.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.bots[0]?.commandLists[0]?.commands.map((c) => c.title)).toEqual(["help", "my referrals", "refer"]);
    const [extension] = manifest.composeExtensions;
    expect(extension?.botId).toBe(appId);
    expect(extension?.commands[0]).toMatchObject({ id: searchCommandId, type: "query", parameters: [{ name: queryParameter }] });
    // The manifest schema's limits.
    expect(manifest.developer.name.length).toBeLessThanOrEqual(32);
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) expect(url).toMatch(/^https:\/\//);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    for (const command of manifest.bots[0]!.commandLists[0]!.commands) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
    expect(files.get("color.png")!.equals(read("color.png"))).toBe(true);
  });

  it("refuses an app id that is not a GUID, and a bad version", () => {
    expect(() => buildAppPackage({ manifestTemplate: "{}", appId: "my-bot", colorPng: Buffer.alloc(0), outlinePng: Buffer.alloc(0) })).toThrow(/GUID/);
    expect(() => build("v2")).toThrow(/1\.0\.1/);
    expect(() => buildAppPackage({ manifestTemplate: '{"id": "{{TeamsAppId}}"}', appId, colorPng: Buffer.alloc(0), outlinePng: Buffer.alloc(0) })).toThrow(/placeholder/);
  });
});

describe("the icons", () => {
  it("are the committed files, exactly as make-icons.ts draws them", () => {
    expect(read("color.png").equals(encodePng(colorIcon()))).toBe(true);
    expect(read("outline.png").equals(encodePng(outlineIcon()))).toBe(true);
  });

  it("are 192 x 192 in colour, opaque, and 32 x 32 white on transparent", () => {
    const color = decodePng(read("color.png"));
    expect([color.width, color.height]).toEqual([192, 192]);
    for (let i = 3; i < color.rgba.length; i += 4) expect(color.rgba[i]).toBe(255);
    const outline = decodePng(read("outline.png"));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const alphas: number[] = [];
    for (let i = 0; i < outline.rgba.length; i += 4) {
      expect([outline.rgba[i], outline.rgba[i + 1], outline.rgba[i + 2]]).toEqual([255, 255, 255]);
      alphas.push(outline.rgba[i + 3]!);
    }
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(512);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(64);
  });
});
