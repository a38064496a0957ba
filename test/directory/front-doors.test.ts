import { rmSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import {
  describeCoverage,
  firstContactCovers,
  firstContactPlus,
  frontDoorFor,
  frontDoorSentence,
  outsideFirstContact,
  referralRouteFor,
} from "../../src/directory/front-doors.js";
import { areaIds } from "../../src/directory/ids.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { copyDirectory, realDirectory } from "../support/directory-copy.js";

const districts = ["blaby", "charnwood", "harborough", "hinckley-and-bosworth", "melton", "north-west-leicestershire", "oadby-and-wigston"] as const;

let directory: Directory;
/** The real directory without Rutland's front-door record, as a directory missing one would be. */
let withoutRutlandDoor: Directory;
beforeAll(async () => {
  directory = await loadDirectory(realDirectory);
  const copy = copyDirectory();
  rmSync(path.join(copy.dir, "services", "council", "rutland-wayfinder.yaml"));
  withoutRutlandDoor = await loadDirectory(copy.dir);
});

describe("which front door an area has", () => {
  it("is First Contact Plus for exactly the seven Leicestershire districts", () => {
    expect(areaIds.filter((area) => firstContactCovers(area, directory))).toEqual([...districts]);
    for (const area of districts) expect(frontDoorFor(area, directory)?.id).toBe("first-contact-plus");
    expect(describeCoverage(firstContactPlus(directory)!, directory)).toBe("Leicestershire's seven districts");
  });

  it("is the city's own record in Leicester and Rutland's own in Rutland, never First Contact Plus", () => {
    expect(firstContactCovers("leicester", directory)).toBe(false);
    expect(firstContactCovers("rutland", directory)).toBe(false);
    expect(frontDoorFor("leicester", directory)?.id).toBe("leicester-city-front-door");
    expect(frontDoorFor("rutland", directory)?.id).toBe("rutland-front-door");
  });

  it("is nothing where the directory has no front-door record for the area", () => {
    expect(frontDoorFor("rutland", withoutRutlandDoor)).toBeUndefined();
    expect(frontDoorFor("leicester", withoutRutlandDoor)?.id).toBe("leicester-city-front-door");
  });
});

describe("how someone can be referred", () => {
  it("goes through First Contact Plus only when every area named is one it covers", () => {
    expect(referralRouteFor(["melton"], directory)).toEqual({ kind: "first-contact" });
    expect(referralRouteFor(["blaby", "charnwood"], directory)).toEqual({ kind: "first-contact" });
  });

  it("names the area's own front door for one area outside it", () => {
    const route = referralRouteFor(["rutland"], directory);
    expect(route.kind).toBe("elsewhere");
    expect(route.kind === "elsewhere" ? [route.area, route.door?.id] : []).toEqual(["rutland", "rutland-front-door"]);
  });

  it("asks where the person lives when nobody said, or the places named differ, rather than guess", () => {
    expect(referralRouteFor([], directory)).toEqual({ kind: "ask" });
    expect(referralRouteFor(["blaby", "leicester"], directory)).toEqual({ kind: "ask" });
    expect(referralRouteFor(["leicester", "rutland"], directory)).toEqual({ kind: "ask" });
  });
});

describe("the sentences", () => {
  it("refuses a First Contact referral outside its area, naming the area's front door and its number", () => {
    expect(outsideFirstContact("rutland", directory)).toBe(
      "First Contact Plus covers Leicestershire's seven districts, not Rutland, so it can't take a referral for someone who lives there, and nothing has been saved. " +
        "For someone who lives in Rutland, the front door is Rutland Wayfinder (01632 960700): The person can phone the Wayfinder line or use its online form (you can do this with them); a professional can refer by phone or email with the person's agreement.",
    );
    expect(outsideFirstContact("leicester", directory)).toMatch(/not Leicester, .* the front door is Leicester City Wayfinder \(0116 496 0700\): /);
  });

  it("says plainly when an area has no front door in the directory, rather than naming another area's", () => {
    expect(outsideFirstContact("rutland", withoutRutlandDoor)).toMatch(/not Rutland, .*The directory has no front door for Rutland yet/);
    expect(outsideFirstContact("rutland", withoutRutlandDoor)).not.toMatch(/Wayfinder/);
  });

  it("offers First Contact Plus to someone it covers", () => {
    expect(frontDoorSentence(["charnwood"], directory)).toMatch(/^First Contact Plus is the front door to the prevention offer and can look at everything else the person needs: /);
    expect(frontDoorSentence(["charnwood"], directory)).not.toMatch(/Wayfinder/);
  });

  it("names Rutland's own front door in Rutland, and does not offer First Contact Plus there", () => {
    const sentence = frontDoorSentence(["rutland"], directory)!;
    expect(sentence).toMatch(/^First Contact Plus, the front door to the prevention offer, covers Leicestershire's seven districts, not Rutland\. For someone who lives in Rutland, the front door is Rutland Wayfinder/);
    expect(sentence).not.toMatch(/First Contact Plus is the front door/);
  });

  it("names each area's front door when the places named have different ones", () => {
    const sentence = frontDoorSentence(["blaby", "leicester"], directory)!;
    expect(sentence).toMatch(/First Contact Plus is the front door to the prevention offer in Blaby/);
    expect(sentence).toMatch(/For someone who lives in Leicester, the front door is Leicester City Wayfinder/);
  });

  it("lists every area's front door when nowhere was named", () => {
    expect(frontDoorSentence([], directory)).toBe(
      "Each area has its own front door to the prevention offer: First Contact Plus for Leicestershire's seven districts, Leicester City Wayfinder for Leicester and Rutland Wayfinder for Rutland.",
    );
  });
});
