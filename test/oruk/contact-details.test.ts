/**
 * Imported services keep their real, checked contact details: UK numbers read
 * and written the national way by libphonenumber-js, https:// web addresses,
 * well-formed emails. Contacts are roles: a person's name is dropped (the
 * record kept without it) and named in the report, never written. A service
 * whose own details are wrong is rejected with the field and reason; an
 * organisation's wrong details are dropped, not its services. The sample
 * rule (drama numbers, example.org) still holds for records written by hand.
 */
import { describe, expect, it } from "vitest";
import { serviceFileSchema } from "../../src/directory/service-file-schema.js";
import { formatOrukReport } from "../../src/oruk/format-oruk-report.js";
import { importOruk } from "../../src/oruk/import-oruk.js";
import { renderImportedFile } from "../../src/oruk/write-imported-feed.js";
import { asRecords, importOptions, orukService } from "./support.js";

const person = "Jane Realperson";
const feed = asRecords([
  orukService("a", {
    url: "www.real-charity.org.uk/befriending",
    email: " hello@real-charity.org.uk.",
    phones: [{ number: "+44 (0)116 255 5555" }, { number: '"0116 496 0123"', description: "Coordinator" }, { number: "01162555555" }],
    contacts: [
      { name: person, title: "Volunteer coordinator", email: "coordinator@real-charity.org.uk", phones: [{ number: "0800 123 4567" }] },
      { name: "Pat Somebody", email: "pat@real-charity.org.uk" },
    ],
    organization: { id: "o1", name: "Test Friends Network", website: "real charity dot org", email: "info@real-charity.org.uk" },
  }),
  orukService("b", { organization: { id: "o1", name: "Test Friends Network" }, url: "http://befriending.example.org/", phones: [{ number: "0116 496 0999 ext 12" }] }),
]);

describe("contact details from a feed", () => {
  it("keeps the real details, tidied and checked, with numbers in national form", async () => {
    const { files, report } = importOruk(feed, await importOptions());
    expect(report.rejected).toEqual([]);
    const [a, b] = files.flatMap((f) => f.file.services);
    expect(a).toMatchObject({
      url: "https://www.real-charity.org.uk/befriending",
      email: "hello@real-charity.org.uk",
      phones: [{ number: "0116 255 5555" }, { number: "0116 496 0123", description: "Coordinator" }],
      contacts: [{ name: "Volunteer coordinator", email: "coordinator@real-charity.org.uk", phones: [{ number: "0800 123 4567" }] }],
    });
    expect(b).toMatchObject({ url: "https://befriending.example.org/", phones: [{ number: "0116 496 0999 ext. 12" }] });
    expect(files[0]!.file.organization).toEqual({ id: "test-friends-network", name: "Test Friends Network", email: "info@real-charity.org.uk" });
    // The files load: the schema holds a feed's records to the real-detail rule, not the sample rule.
    for (const imported of files) expect(serviceFileSchema.safeParse(imported.file).error).toBeUndefined();
  });

  it("names each dropped field in the report, never its value, and never writes a person's name", async () => {
    const { files, report } = importOruk(feed, await importOptions());
    expect(report.dropped).toEqual(
      expect.arrayContaining([
        { field: "contacts.name (a person's name; Signpost lists roles)", services: 1 },
        { field: "contacts (no role to list it under)", services: 1 },
        { field: "organization.website (not a valid https:// address)", services: 1 },
      ]),
    );
    const text = formatOrukReport(report);
    const written = files.map((file) => renderImportedFile(file, "test")).join("\n");
    for (const value of [person, "Pat Somebody", "pat@real-charity", "real charity dot org"]) {
      expect(text).not.toContain(value);
      expect(written).not.toContain(value);
    }
    expect(text).toContain("email: email tidied (spaces, stray dots or mailto: removed): 1 service");
    expect(text).toContain("url: https:// added to a bare domain: 1 service");
  });

  it("rejects a service whose own phone number or email is wrong, naming the field, and imports the others", async () => {
    const records = asRecords([
      ...Array.from({ length: 9 }, (_, i) => orukService(`ok${i}`, { name: `Befriending scheme ${i}` })),
      orukService("bad", { phones: [{ number: "0116 496" }], contacts: [{ title: "Manager", email: "manager at real-charity.org.uk" }] }),
    ]);
    const { files, report } = importOruk(records, await importOptions());
    expect(files.flatMap((f) => f.file.services)).toHaveLength(9);
    expect(report.rejected).toEqual([
      {
        label: 'feed.json [9] (id bad, "Test befriending bad")',
        problems: [
          { record: 'feed.json [9] (id bad, "Test befriending bad")', field: "phones[0].number", message: "is not a valid UK phone number" },
          { record: 'feed.json [9] (id bad, "Test befriending bad")', field: "contacts[0].email", message: "must be an email address like name@example.org" },
        ],
      },
    ]);
  });

  it("still holds records written by hand to drama numbers and example.org", () => {
    const handWritten = {
      organization: { id: "someone", name: "Someone", url: "https://www.real-charity.org.uk" },
      services: [
        {
          id: "someone-service", name: "Someone's service", description: "A service.", offer: "vcs", needs: ["social-isolation"], service_areas: ["charnwood"],
          referral_routes: ["self"], how_to_refer: "Phone.", phones: [{ number: "0116 255 5555" }], last_verified: "2026-01-01", source: "illustrative sample",
        },
      ],
    };
    const messages = serviceFileSchema.safeParse(handWritten).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toEqual([
      "services.0.phones.0.number: must be an Ofcom drama number (0116 496 0000-0999 or 01632 960000-960999)",
      "organization.url: must be an https://…example.org address (no real websites in the directory)",
    ]);
  });
});
