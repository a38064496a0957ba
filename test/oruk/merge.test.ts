/**
 * Merging a feed with the directory: local YAML records win on the same id,
 * duplicates (same name and organisation, in a normal form) of local records
 * or of another feed's records are left out and reported, and a feed's own
 * earlier import never conflicts with it.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportedFile } from "../../src/oruk/build-imported-files.js";
import { importOruk } from "../../src/oruk/import-oruk.js";
import type { ExistingService } from "../../src/oruk/merge-with-directory.js";
import { readOrukFiles } from "../../src/oruk/read-oruk-files.js";
import { asRecords, importOptions, orukFixtures, orukService, realDirectoryAndMap } from "./support.js";

const signpostId = (id: string) => ({ id: `attr-${id}`, value: id, taxonomy_term: { id: "t", code: "service-id", name: "Signpost service id", taxonomy: "signpost" } });
const befriending = { id: "b", taxonomy_term: { id: "t2", name: "Befriending", taxonomy: "x" } };

/** What the directory would hold after writing these files for `feed`. */
const asExisting = (files: readonly ImportedFile[], feed: string): ExistingService[] =>
  files.flatMap((f) => f.file.services.map((s) => ({ id: s.id, name: s.name, source: `ORUK feed ${feed}`, file: `imported/${feed}/${f.name}`, organization: { name: f.file.organization.name } })));

describe("merging a feed with the directory", () => {
  it("keeps the local record when an imported one has its id", async () => {
    const feed = asRecords([orukService("a", { name: "Carers circle (from the feed)", attributes: [signpostId("charnwood-carers-circle"), befriending] })]);
    const { files, report } = importOruk(feed, await importOptions());
    expect(files).toEqual([]);
    expect(report.skipped).toEqual([
      {
        label: 'feed.json [0] (id a, "Carers circle (from the feed)")',
        reason: "local record wins (same id)",
        detail: 'local record "charnwood-carers-circle" (vcs/kettles-on-carers.yaml)',
      },
    ]);
  });

  it("leaves out a duplicate of a local record: the same name and organisation, written differently", async () => {
    const feed = asRecords([orukService("a", { name: "CHARNWOOD CARERS' CIRCLE", organization: { id: "o", name: "Kettle's On Carers Network Ltd" } })]);
    const { files, report } = importOruk(feed, await importOptions());
    expect(files).toEqual([]);
    expect(report.skipped[0]).toMatchObject({ reason: "duplicate (same name and organisation)", detail: 'of local record "charnwood-carers-circle" (vcs/kettles-on-carers.yaml)' });
  });

  it("detects the same service in two feeds: by id when both carry the same ORUK id, else by name and organisation", async () => {
    const { directory } = await realDirectoryAndMap();
    const options = await importOptions({ defaultAreas: ["leicester"], relabelUnplaced: true });
    const first = importOruk(await readOrukFiles(path.join(orukFixtures, "uk-profile-v3/service_full.json")), { ...options, feed: "uk-example" });
    const existing = [...directory.services, ...asExisting(first.files, "uk-example")];

    const same = importOruk(await readOrukFiles(path.join(orukFixtures, "hsds-v3-spec/service_full.json")), { ...options, feed: "hsds-example", existing });
    expect(same.files).toEqual([]);
    expect(same.report.skipped[0]).toMatchObject({ reason: "id already imported from another feed", detail: expect.stringContaining("from ORUK feed uk-example (imported/uk-example/example-organization-inc.yaml)") as unknown });

    const twin = orukService("other-id", { name: "Community  counselling", organization: { id: "x", name: "The Example Organization Inc" }, attributes: [befriending] });
    const renamed = importOruk(asRecords([twin]), { ...options, feed: "hsds-example", existing });
    expect(renamed.report.skipped[0]).toMatchObject({ reason: "duplicate (same name and organisation)", detail: expect.stringMatching(/^of "community-counselling-[0-9a-f]{6}" from ORUK feed uk-example/) as unknown });
  });

  it("keeps the first of two duplicates within one feed, and replaces the feed's own earlier import", async () => {
    const feed = asRecords([orukService("a"), orukService("b", { name: "Test befriending a", organization: { id: "org-a", name: "Test Friends Network" } })]);
    const options = await importOptions();
    const once = importOruk(feed, options);
    expect(once.files.flatMap((f) => f.file.services).map((s) => s.name)).toEqual(["Test befriending a"]);
    expect(once.report.skipped[0]).toMatchObject({ reason: "duplicate (same name and organisation)", detail: "of feed.json [0] (id a, \"Test befriending a\") in this feed" });

    const again = importOruk(feed, { ...options, existing: [...options.existing, ...asExisting(once.files, "test-feed")] });
    expect(again.files).toEqual(once.files);
  });
});
