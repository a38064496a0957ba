/**
 * Where a feed's services are offered, in area ids: service area names (one
 * place or a list), then the postcode districts and towns of their addresses;
 * whole groups written as `leicestershire` or `llr`; nothing guessed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Gazetteer } from "../../src/directory/gazetteer.js";
import { compactAreas, mapOrukAreas } from "../../src/oruk/map-oruk-areas.js";
import { type OrukService, orukServiceSchema } from "../../src/oruk/oruk-service-schema.js";
import { orukService, realDirectoryAndMap } from "./support.js";

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = (await realDirectoryAndMap()).directory.gazetteer;
});

const service = (changes: Record<string, unknown>): OrukService => orukServiceSchema.parse(orukService("a", changes));
const at = (...addresses: Record<string, string>[]) => ({ service_at_locations: [{ location: { addresses } }], service_areas: [] });

describe("placing a feed's services", () => {
  it("reads service area names: a place, a district, a list, and a group", () => {
    const areas = (...names: string[]) => mapOrukAreas(service({ service_areas: names.map((name) => ({ name })) }), gazetteer);
    expect(areas("Loughborough").areas).toEqual(["charnwood"]);
    expect(areas("Hinckley and Bosworth").areas).toEqual(["hinckley-and-bosworth"]);
    expect(areas("Charnwood, Melton and Rutland").areas).toEqual(["charnwood", "melton", "rutland"]);
    expect(areas("Leicestershire").areas).toHaveLength(7);
    expect(areas("Blaby", "Not a real place").unmapped).toEqual(["Not a real place"]);
  });

  it("falls back on the addresses' postcode districts, then their towns", () => {
    expect(mapOrukAreas(service(at({ postal_code: "le11 3ab" }, { postal_code: "LE13" })), gazetteer).areas).toEqual(["charnwood", "melton"]);
    expect(mapOrukAreas(service(at({ postal_code: "NG1 1AA", city: "Oakham" })), gazetteer)).toEqual({ areas: ["rutland"], unmapped: [] });
    expect(mapOrukAreas(service(at({ postal_code: "ABC 1234", city: "MyCity" })), gazetteer)).toEqual({ areas: [], unmapped: ["postcode ABC 1234"] });
  });

  it("reads a postcode in a district shared between areas by its sector, where the sector lies in one", () => {
    expect(mapOrukAreas(service(at({ postal_code: "LE2 0QW" })), gazetteer).areas).toEqual(["leicester"]);
    expect(mapOrukAreas(service(at({ postal_code: "le2 4ab" })), gazetteer).areas).toEqual(["oadby-and-wigston"]);
    // LE2 9 straddles the boundary: the town decides.
    expect(mapOrukAreas(service(at({ postal_code: "LE2 9ZZ", city: "Glen Parva" })), gazetteer).areas).toEqual(["blaby"]);
  });

  it("writes whole groups compactly", () => {
    expect(compactAreas(gazetteer.expand(["llr"]), gazetteer)).toEqual(["llr"]);
    expect(compactAreas(gazetteer.expand(["leicestershire", "rutland"]), gazetteer)).toEqual(["leicestershire", "rutland"]);
    expect(compactAreas(["blaby", "leicester"], gazetteer)).toEqual(["blaby", "leicester"]);
  });
});
