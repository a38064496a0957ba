/**
 * Export then import gives the same directory: the real directory is read
 * through /api/oruk/services over HTTP (following the pages, then fetching each
 * service in full, as for any ORUK API), imported, and compared record by
 * record. Imported back into the real directory, every record yields to the
 * local one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory, Service } from "../../src/directory/directory.js";
import type { ServiceRecord } from "../../src/directory/service-file-schema.js";
import { fetchOrukFeed } from "../../src/oruk/fetch-oruk-feed.js";
import { importOruk, type OrukImportResult } from "../../src/oruk/import-oruk.js";
import type { OrukInputRecord } from "../../src/oruk/parse-oruk-records.js";
import { importOptions, orukFeedApp, realDirectoryAndMap } from "./support.js";

let directory: Directory;
let records: OrukInputRecord[];
let requests: string[];
beforeAll(async () => {
  directory = (await realDirectoryAndMap()).directory;
  const app = orukFeedApp(() => directory);
  requests = [];
  const viaApp: typeof fetch = (input, init) => {
    const url = input instanceof URL ? input.href : typeof input === "string" ? input : input.url;
    requests.push(url);
    return Promise.resolve(app.request(url, init));
  };
  records = await fetchOrukFeed("http://signpost.test/api/oruk/services?per_page=20", { fetch: viaApp });
});

/** The fields a record carries, in a form both sides share: areas expanded, where it came from (and who vouched for it) left out. */
function comparable(record: ServiceRecord | Service, expand: (ids: readonly string[]) => string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...record, needs: [...record.needs], areas: expand(record.service_areas) };
  for (const key of ["source", "verified_by", "file", "organization", "service_areas"]) delete fields[key];
  return fields;
}

describe("ORUK round trip", () => {
  let result: OrukImportResult;
  beforeAll(async () => {
    result = importOruk(records, await importOptions({ feed: "signpost-export", existing: [] }));
  });

  it("reads every page, then every service in full", () => {
    const pages = Math.ceil(directory.services.length / 20);
    expect(requests.filter((url) => /\/services\?/.test(url))).toHaveLength(pages);
    expect(requests.filter((url) => /\/services\/[0-9a-f-]{36}$/.test(url))).toHaveLength(directory.services.length);
    expect(records).toHaveLength(directory.services.length);
  });

  it("imports every service, with nothing skipped, defaulted or dropped", () => {
    expect(result.report).toMatchObject({ read: directory.services.length, imported: directory.services.length, skipped: [], unmappedTerms: [], unmappedAreas: [], dropped: [], defaulted: [] });
  });

  it("gives back the same services: ids, names, needs, areas, ages, last_verified and every other field", () => {
    const expand = (ids: readonly string[]) => directory.gazetteer.expand(ids);
    const imported = new Map(result.files.flatMap((f) => f.file.services.map((s) => [s.id, { record: s, organization: f.file.organization }] as const)));
    expect([...imported.keys()].sort()).toEqual(directory.services.map((s) => s.id).sort());
    for (const original of directory.services) {
      const back = imported.get(original.id)!;
      expect(comparable(back.record, expand), original.id).toEqual(comparable(original, expand));
      expect(back.record.source).toBe("ORUK feed signpost-export");
      expect(back.organization, original.id).toMatchObject({ id: original.organization.id, name: original.organization.name });
    }
  });

  it("yields to the local directory when imported back into it", async () => {
    const again = importOruk(records, await importOptions({ feed: "signpost-export" }));
    expect(again.files).toEqual([]);
    expect(new Set(again.report.skipped.map((s) => s.reason))).toEqual(new Set(["local record wins (same id)"]));
    expect(again.report.skipped).toHaveLength(directory.services.length);
  });
});
