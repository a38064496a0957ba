import { describe, expect, it } from "vitest";
import { areaIds } from "../../src/directory/ids.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { DirectoryError, formatProblem } from "../../src/errors/directory-error.js";
import { copyDirectory, realDirectory } from "../support/directory-copy.js";

const wreake = "services/vcs/wreake-valley-good-neighbours.yaml";
const fcp = "services/unified-prevention/first-contact-plus.yaml";

/** Loads a directory that must fail, and returns its problems as printed lines. */
async function problemsOf(dir: string): Promise<string[]> {
  const error = await loadDirectory(dir).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DirectoryError);
  return (error as DirectoryError).problems.map(formatProblem);
}

describe("loadDirectory on the real directory", () => {
  it("loads every service with expanded areas and a fingerprint", async () => {
    const directory = await loadDirectory(realDirectory);
    expect(directory.services.length).toBeGreaterThan(40);
    expect(directory.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const fcpService = directory.services.find((s) => s.id === "first-contact-plus");
    const districts = areaIds.filter((area) => area !== "leicester" && area !== "rutland");
    expect(districts).toHaveLength(7);
    expect(fcpService?.areas).toEqual(districts);
  });

  it("gives the same fingerprint for the same files and a new one after any change", async () => {
    const copy = copyDirectory();
    const before = (await loadDirectory(copy.dir)).fingerprint;
    expect((await loadDirectory(copy.dir)).fingerprint).toBe(before);
    copy.edit(wreake, (text) => text.replace("for a chat", "for a natter"));
    expect((await loadDirectory(copy.dir)).fingerprint).not.toBe(before);
  });
});

describe("loadDirectory refuses broken files, naming file, record and field", () => {
  it("suggests the need a misspelt or lay need word means", async () => {
    const copy = copyDirectory();
    copy.edit(wreake, (text) => text.replace("needs: [social-isolation]", "needs: [lonelyness]"));
    expect(await problemsOf(copy.dir)).toEqual([
      `directory/${wreake}: services[0].needs[0]: "lonelyness" is not a need; did you mean "social-isolation"?`,
    ]);
  });

  it("says when an area is really a place, and suggests the area id", async () => {
    const copy = copyDirectory();
    copy.edit(wreake, (text) => text.replace("service_areas: [charnwood, melton]", "service_areas: [loughborough, meltn]"));
    expect(await problemsOf(copy.dir)).toEqual([
      `directory/${wreake}: services[0].service_areas[0]: "loughborough" is a place in charnwood, not an area id; use "charnwood"`,
      `directory/${wreake}: services[0].service_areas[1]: "meltn" is not an area; did you mean "melton"?`,
    ]);
  });

  it("refuses a real phone number, a real website and a real inbox", async () => {
    const copy = copyDirectory();
    copy.edit(fcp, (text) =>
      text
        .replace('"0116 496 0100"', '"0116 305 0000"')
        .replace("url: https://firstcontactplus.example.org/refer", "url: https://www.leicestershire.gov.uk/")
        .replace("email: referrals@firstcontactplus.example.org", "email: referrals@leics.gov.uk"),
    );
    const problems = await problemsOf(copy.dir);
    expect(problems).toContain(`directory/${fcp}: services[0].phones[0].number: must be an Ofcom drama number (0116 496 0000-0999 or 01632 960000-960999)`);
    expect(problems).toContain(`directory/${fcp}: services[0].url: must be an https://…example.org address (no real websites in the directory)`);
    expect(problems).toContain(`directory/${fcp}: services[0].email: must be an address at example.org (no real inboxes in the directory)`);
  });

  it("refuses real contact details in a hand-written record that claims to come from a feed", async () => {
    const copy = copyDirectory();
    copy.edit(fcp, (text) => text.replace(/source: .*/, "source: ORUK feed county").replace('"0116 496 0100"', '"0116 305 0000"'));
    const problems = await problemsOf(copy.dir);
    expect(problems).toContain(
      `directory/${fcp}: services[0].source: says "ORUK feed county", but that feed's records are written by the import to services/imported/county/, not here`,
    );
  });

  it("requires invented contact details on a seed record to be marked as an illustrative sample", async () => {
    const copy = copyDirectory();
    copy.edit(fcp, (text) => text.replace("; contact details: illustrative sample", ""));
    const [problem] = await problemsOf(copy.dir);
    expect(problem).toMatch(new RegExp(`^directory/${fcp}: services\\[0\\]\\.source: has contact details that are not in the seeds`));
  });

  it("refuses an unknown source, an unknown field and a missing required field", async () => {
    const copy = copyDirectory();
    copy.edit(wreake, (text) =>
      text
        .replace("source: illustrative sample", "source: my notes")
        .replace("    offer: vcs\n    needs: [social-isolation]", "    offer: vcs\n    phone_number: x\n    needs: [social-isolation]")
        .replace(/ {4}how_to_refer: Phone the scheme coordinator.*\n/, ""),
    );
    const problems = await problemsOf(copy.dir);
    expect(problems).toContain(`directory/${wreake}: services[0].source: must be "illustrative sample" or name the seed document, like "seed 000 (Leicestershire BCF plan 2020/21)"`);
    expect(problems).toContain(`directory/${wreake}: services[0]: Unrecognized key: "phone_number"`);
    expect(problems).toContain(`directory/${wreake}: services[0].how_to_refer: is required`);
  });

  it("refuses a service id used twice, naming where it was first used", async () => {
    const copy = copyDirectory();
    copy.edit(wreake, (text) => text.replace("id: wreake-valley-befriending", "id: first-contact-plus"));
    expect(await problemsOf(copy.dir)).toEqual([
      `directory/${wreake}: services[0].id: "first-contact-plus" is already used in directory/${fcp}`,
    ]);
  });

  it("refuses an age range that is upside down", async () => {
    const copy = copyDirectory();
    copy.edit(wreake, (text) => text.replace("    minimum_age: 18\n", "    minimum_age: 65\n    maximum_age: 18\n"));
    expect(await problemsOf(copy.dir)).toEqual([`directory/${wreake}: services[0].maximum_age: must not be below minimum_age`]);
  });

  it("reports invalid YAML with its line, and duplicate keys", async () => {
    const copy = copyDirectory();
    copy.write("services/vcs/broken.yaml", "organization:\n  id: broken\n  name: [unclosed\nservices: []\n");
    copy.write("services/vcs/twice.yaml", "organization:\n  id: a\n  id: b\n  name: Twice\nservices: []\n");
    const problems = await problemsOf(copy.dir);
    expect(problems.find((p) => p.startsWith("directory/services/vcs/broken.yaml: is not valid YAML at line"))).toBeDefined();
    expect(problems.find((p) => p.startsWith("directory/services/vcs/twice.yaml: is not valid YAML at line 3"))).toBeDefined();
  });

  it("refuses an alias bomb quickly instead of expanding it", async () => {
    const copy = copyDirectory();
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    copy.write("services/vcs/bomb.yaml", `${levels.join("\n")}\n`);
    const started = performance.now();
    const problems = await problemsOf(copy.dir);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(problems[0]).toMatch(/^directory\/services\/vcs\/bomb\.yaml: is not valid YAML/);
  });

  it("refuses an empty file and a file that is a list", async () => {
    const copy = copyDirectory();
    copy.write("services/vcs/empty.yaml", "");
    copy.write("services/vcs/list.yaml", "- one\n- two\n");
    const problems = await problemsOf(copy.dir);
    expect(problems.some((p) => p.startsWith("directory/services/vcs/empty.yaml: "))).toBe(true);
    expect(problems.some((p) => p.startsWith("directory/services/vcs/list.yaml: "))).toBe(true);
  });

  it("reports problems in several files at once, and loads nothing", async () => {
    const copy = copyDirectory();
    copy.edit(wreake, (text) => text.replace("offer: vcs", "offer: charity"));
    copy.edit(fcp, (text) => text.replace("last_verified: 2020-09-01", "last_verified: 1 Sep 2020"));
    const problems = await problemsOf(copy.dir);
    expect(problems.some((p) => p.startsWith(`directory/${wreake}: services[0].offer: `))).toBe(true);
    expect(problems).toContain(`directory/${fcp}: services[0].last_verified: must be a date written YYYY-MM-DD`);
  });

  it("refuses a needs.yaml that drops or invents a need", async () => {
    const copy = copyDirectory();
    copy.edit("needs.yaml", (text) => text.replace("id: digital-inclusion", "id: digital-skills"));
    const problems = await problemsOf(copy.dir);
    expect(problems).toContain('directory/needs.yaml: needs: need "digital-inclusion" is missing');
    expect(problems.some((p) => p.includes('"digital-skills" is not one of the agreed need ids'))).toBe(true);
  });

  it("refuses a place name that would mean two areas", async () => {
    const copy = copyDirectory();
    copy.edit("places.yaml", (text) => text.replace(/- name: Oakham\b/, "- name: Shepshed"));
    const problems = await problemsOf(copy.dir);
    expect(problems.some((p) => /^directory\/places\.yaml: areas\[\d+\]\.places\[\d+\]\.name: "Shepshed" already means charnwood/.test(p))).toBe(
      true,
    );
  });
});
