import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DirectorySnapshotFile, snapshotFormat } from "../../src/directory/directory-snapshot-file.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { DirectoryError } from "../../src/errors/directory-error.js";
import { copyDirectory } from "../support/directory-copy.js";

const wreake = "services/vcs/wreake-valley-good-neighbours.yaml";
const snapshotIn = (dir: string) => new DirectorySnapshotFile(path.join(dir, "directory-snapshot.json"));
const tempDir = () => mkdtempSync(path.join(tmpdir(), "signpost-snapshot-"));

describe("directory snapshot", () => {
  it("is written on the first load and used, with the same services, while the files are unchanged", async () => {
    const copy = copyDirectory();
    const data = tempDir();
    const first = snapshotIn(data);
    const parsed = await loadDirectory(copy.dir, { snapshot: first });
    expect(first.history).toEqual(["missing", "written"]);
    const second = snapshotIn(data);
    const kept = await loadDirectory(copy.dir, { snapshot: second });
    expect(second.history).toEqual(["used"]);
    expect(kept.fingerprint).toBe(parsed.fingerprint);
    expect(kept.services).toEqual(parsed.services);
  });

  it("is not used after any change to the files, and is replaced", async () => {
    const copy = copyDirectory();
    const data = tempDir();
    await loadDirectory(copy.dir, { snapshot: snapshotIn(data) });
    copy.edit(wreake, (text) => text.replace("for a chat", "for a natter"));
    const after = snapshotIn(data);
    const directory = await loadDirectory(copy.dir, { snapshot: after });
    expect(after.history).toEqual(["stale", "written"]);
    expect(directory.services.find((s) => s.id === "wreake-valley-befriending")?.description).toContain("natter");
  });

  it("never hides a broken directory: a file broken since the snapshot is still refused", async () => {
    const copy = copyDirectory();
    const data = tempDir();
    await loadDirectory(copy.dir, { snapshot: snapshotIn(data) });
    copy.edit(wreake, (text) => text.replace("offer: vcs", "offer: charity"));
    await expect(loadDirectory(copy.dir, { snapshot: snapshotIn(data) })).rejects.toBeInstanceOf(DirectoryError);
  });

  it.each([
    ["garbage", () => "not json at all {"],
    ["cut short", (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ["edited inside", (text: string) => text.replace("Wreake", "Wreeke")],
    ["of another format", (text: string) => text.replace(`"format":${snapshotFormat}`, `"format":${snapshotFormat + 1}`)],
  ])("is ignored when %s, and the YAML is parsed instead", async (_name, damage) => {
    const copy = copyDirectory();
    const data = tempDir();
    const parsed = await loadDirectory(copy.dir, { snapshot: snapshotIn(data) });
    const file = path.join(data, "directory-snapshot.json");
    const damaged = damage(readFileSync(file, "utf8"));
    expect(damaged).not.toBe(readFileSync(file, "utf8"));
    writeFileSync(file, damaged);
    const snapshot = snapshotIn(data);
    const directory = await loadDirectory(copy.dir, { snapshot });
    expect(snapshot.history[0]).toMatch(/^(unreadable|stale)$/);
    expect(snapshot.history[1]).toBe("written");
    expect(directory.services).toEqual(parsed.services);
  });

  it("does not stop a load when it cannot be written", async () => {
    // /proc takes no new files, even for root.
    const blocked = new DirectorySnapshotFile(path.join("/proc", "signpost-snapshot.json"));
    const directory = await loadDirectory(copyDirectory().dir, { snapshot: blocked });
    expect(blocked.history).toEqual(["missing", "write-failed"]);
    expect(directory.services.length).toBeGreaterThan(40);
  });
});
