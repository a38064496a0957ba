import type { Directory, Service } from "../directory/directory.js";
import { frontDoorSentence, frontDoorsNamed } from "../directory/front-doors.js";
import { joinAnd } from "../text/join-and.js";
import type { AreaId, NeedId } from "../directory/ids.js";
import type { AnswerResult } from "./answer.js";
import { formatDate } from "./format-date.js";

interface ReplyInput {
  readonly needs: readonly NeedId[];
  /** Needs named that the directory does not cover, by label. */
  readonly notListed?: readonly string[];
  readonly areas: readonly AreaId[];
  readonly age: number | null;
  readonly results: readonly AnswerResult[];
  /** Needs asked for that no service meets where the person lives (at their age): said plainly, beside what was found for the rest. */
  readonly nothingFor?: readonly NeedId[];
}

/**
 * The plain-text reply: what was understood, the services (each with when it was
 * last verified), and the front door of the prevention offer beside them. When
 * nothing fits, or no need was recognised, it says so plainly instead of offering
 * unrelated services, points to the front door and a Local Area Coordinator, and
 * asks one short question.
 */
/** The reply in parts, so a channel with service cards can leave out the numbered list. */
export interface ReplyParts {
  readonly intro: string;
  readonly listing: readonly string[];
  readonly closing: readonly string[];
  /**
   * The front door of the prevention offer for where the person lives, said after the closing lines,
   * with the ids of the front-door records it names: a conversation says it once, and again only
   * when the front door differs (src/conversation/front-door-memory.ts).
   */
  readonly frontDoor?: FrontDoorLine;
}

export interface FrontDoorLine {
  readonly text: string;
  readonly doorIds: readonly string[];
}

/** The closing lines with the front door's sentence last: the whole reply, as `ask` and a first answer say it. */
export function closingWithFrontDoor(parts: ReplyParts): string[] {
  return parts.frontDoor ? [...parts.closing, parts.frontDoor.text] : [...parts.closing];
}

export function composeReplyParts(input: ReplyInput, directory: Directory): ReplyParts {
  const what = describeRequest(input, directory);
  const closing: string[] = [];
  let intro: string;
  let listing: string[] = [];
  const gaps = input.notListed ?? [];
  if (input.results.length === 0) {
    intro =
      input.needs.length > 0
        ? `I couldn't find anything in the directory for ${what}.`
        : gaps.length > 0
          ? `The directory doesn't list ${joinAnd([...gaps])} yet, so I haven't suggested any services as a match.`
          : "I couldn't tell what support the person needs from that, so I haven't suggested any services.";
    const coordinator = localAreaCoordinator(input.areas, directory);
    if (coordinator) closing.push(`A Local Area Coordinator can also help the person find local support: ${coordinator.how_to_refer}`);
    closing.push(
      input.needs.length === 0
        ? "What does the person most need help with? For example company, falls, money, a cold home, or support as a carer."
        : input.areas.length > 0
          ? "Is there anything else the person needs, or shall I look across Leicester, Leicestershire and Rutland?"
          : "Where does the person live? I'll look for what is local to them.",
    );
  } else {
    intro = `Here ${input.results.length === 1 ? "is 1 service" : `are ${input.results.length} services`} for ${what}:`;
    listing = input.results.map(
      (result, index) => `${index + 1}. ${result.name} (${result.organization}), last verified ${formatDate(result.last_verified)}`,
    );
    const nothing = (input.nothingFor ?? []).map((need) => directory.taxonomy.label(need).toLowerCase());
    if (nothing.length > 0) closing.push(`There's nothing for ${joinAnd(nothing)}${describePlace(input, directory)} in the directory.`);
    if (gaps.length > 0) closing.push(`The directory doesn't list ${joinAnd([...gaps])} yet.`);
    if (input.areas.length === 0) closing.push("Tell me where the person lives to see what is local to them.");
  }
  const frontDoor = frontDoorSentence(input.areas, directory);
  return { intro, listing, closing, ...(frontDoor ? { frontDoor: { text: frontDoor, doorIds: frontDoorsNamed(input.areas, directory) } } : {}) };
}



/** The Local Area Coordinators, when they serve where the person lives (or nowhere was named). */
function localAreaCoordinator(areas: readonly AreaId[], directory: Directory): Service | undefined {
  const coordinators = directory.services.find((service) => service.id === "local-area-coordinators");
  if (!coordinators) return undefined;
  return areas.length === 0 || coordinators.areas.some((area) => areas.includes(area)) ? coordinators : undefined;
}

function describeRequest(input: ReplyInput, directory: Directory): string {
  const needs = describeNeeds(input.needs, input.age, directory);
  const what = needs.length > 0 ? joinAnd(needs) : "your search";
  return `${what}${describePlace(input, directory)}`;
}

/** " in Melton for someone aged 13", or less. */
function describePlace(input: Pick<ReplyInput, "areas" | "age">, directory: Directory): string {
  const where = input.areas.length > 0 ? ` in ${joinAnd(input.areas.map((area) => directory.gazetteer.name(area)))}` : "";
  const age = input.age !== null ? ` for someone aged ${input.age}` : "";
  return `${where}${age}`;
}

/**
 * The needs in plain words: a group's label where every need of the group (that fits the age) was
 * asked for ("family and carers"), and each other need's label.
 */
function describeNeeds(needs: readonly NeedId[], age: number | null, directory: Directory): string[] {
  const { taxonomy } = directory;
  const whole = taxonomy.groups.filter((group) => {
    const members = taxonomy.needsInGroup(group.id).filter((need) => taxonomy.fitsAge(need, age));
    return members.length > 1 && members.every((need) => needs.includes(need));
  });
  const inWhole = new Set(whole.flatMap((group) => taxonomy.needsInGroup(group.id)));
  return [...whole.map((group) => group.label.toLowerCase()), ...needs.filter((need) => !inWhole.has(need)).map((need) => taxonomy.label(need).toLowerCase())];
}
