/**
 * The honesty rules hold for imported records: only Ofcom drama numbers and
 * example.org addresses are loaded, contacts are roles, and everything else is
 * dropped (the record kept without it) and named in the report, never written.
 */
import { describe, expect, it } from "vitest";
import { formatOrukReport } from "../../src/oruk/format-oruk-report.js";
import { importOruk } from "../../src/oruk/import-oruk.js";
import { renderImportedFile } from "../../src/oruk/write-imported-feed.js";
import { asRecords, importOptions, orukService } from "./support.js";

const real = {
  url: "https://www.real-charity.org.uk/befriending",
  email: "hello@real-charity.org.uk",
  phone: "0116 255 5555",
  person: "Jane Realperson",
};

const feed = asRecords([
  orukService("a", {
    url: real.url,
    email: real.email,
    phones: [{ number: real.phone }, { number: '"0116 496 0123"', description: "Coordinator" }],
    contacts: [
      { name: real.person, title: "Volunteer coordinator", email: "coordinator@friends.example.org", phones: [{ number: "07700 900123" }] },
      { name: "Pat Somebody", email: "pat@friends.example.org" },
    ],
    organization: { id: "o1", name: "Test Friends Network", website: "https://real-charity.org.uk", email: "info@friends.example.org" },
  }),
  orukService("b", {
    organization: { id: "o1", name: "Test Friends Network" },
    url: "https://befriending.example.org/", email: "hello@befriending.example.org", phones: [{ number: "01632 960321" }] }),
]);

describe("contact details from a feed", () => {
  it("keeps drama numbers, example.org addresses and roles, and drops the rest with the record kept", async () => {
    const { files } = importOruk(feed, await importOptions());
    const [a, b] = files.flatMap((f) => f.file.services);
    expect(a).toMatchObject({ name: "Test befriending a", phones: [{ number: "0116 496 0123", description: "Coordinator" }] });
    expect(a).not.toHaveProperty("url");
    expect(a).not.toHaveProperty("email");
    expect(a!.contacts).toEqual([{ name: "Volunteer coordinator", email: "coordinator@friends.example.org" }]);
    expect(b).toMatchObject({ url: "https://befriending.example.org/", email: "hello@befriending.example.org", phones: [{ number: "01632 960321" }] });
    expect(files[0]!.file.organization).toEqual({ id: "test-friends-network", name: "Test Friends Network", email: "info@friends.example.org" });
  });

  it("names each dropped field in the report, never its value, and never writes a dropped value", async () => {
    const { files, report } = importOruk(feed, await importOptions());
    expect(report.dropped).toEqual(
      expect.arrayContaining([
        { field: "url", services: 1 },
        { field: "email", services: 1 },
        { field: "phones", services: 1 },
        { field: "contacts.name (a person's name; Signpost lists roles)", services: 1 },
        { field: "contacts.phones", services: 1 },
        { field: "contacts (no role to list it under)", services: 1 },
        { field: "organization.website", services: 1 },
      ]),
    );
    const text = formatOrukReport(report);
    const written = files.map((file) => renderImportedFile(file, "test")).join("\n");
    for (const value of [...Object.values(real), "07700 900123", "Pat Somebody", "pat@friends"]) {
      expect(text).not.toContain(value);
      expect(written).not.toContain(value);
    }
    expect(text).toContain("Details not loaded (Signpost holds only Ofcom drama numbers, example.org addresses, roles rather than people's names");
  });
});
