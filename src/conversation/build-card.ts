import { formatDate } from "../answer/format-date.js";
import { describeSource } from "../directory/describe-source.js";
import type { Directory, Service } from "../directory/directory.js";
import { firstContactPlus, referralRouteFor } from "../directory/front-doors.js";
import type { AreaId, NeedId } from "../directory/ids.js";
import { channelLimits } from "./channel-limits.js";
import type { ReplyAction, ServiceCard } from "./reply.js";
import { summarise } from "./split-text.js";

/** The button that starts a First Contact referral, shown only where First Contact Plus covers the person. */
export const referToFirstContact = "Refer to First Contact";
/** The referral button when Signpost does not yet know where the person lives: the referral asks first. */
export const referAskingWhere = "Refer (I'll ask where they live)";

export interface CardOptions {
  /** Where the person lives, as far as the conversation knows: decides the referral button. */
  readonly areas: readonly AreaId[];
  /** The full details (the "More about this" card), which has no "More about this" button. */
  readonly full?: boolean;
  /** The needs the search asked for: the card names those the service meets. */
  readonly asked?: readonly NeedId[];
}

/** What the card says when a record's needs were inferred rather than given by its feed. */
export const needsInferredNote = "needs inferred from the description";

/** A service as a card: what it is, why it matched, how to refer, when it was last verified. */
export function buildCard(service: Service, why: string, directory: Directory, options: CardOptions): ServiceCard {
  const phone = service.phones?.[0]?.number;
  const refer = referralAction(service, options.areas, directory);
  const actions: ReplyAction[] = [
    ...(refer ? [refer] : []),
    ...(options.full ? [] : [{ id: "details" as const, label: "More about this", value: service.id }]),
    { id: "report_outdated", label: "Report outdated details", value: service.id },
  ];
  const record = fullDetails(service);
  return {
    id: service.id,
    name: summarise(service.name, channelLimits.heading),
    organization: service.organization.name,
    summary: options.full ? record : summarise(service.description, channelLimits.summary),
    record,
    ...(options.full ? { full: true } : {}),
    howToRefer: service.how_to_refer,
    contact: {
      ...(phone ? { phone } : {}),
      ...(service.email ? { email: service.email } : {}),
      ...(service.url ? { url: service.url } : {}),
    },
    needs: service.needs.map((id) => ({ id, label: directory.taxonomy.label(id) })),
    matched: service.needs.filter((id) => options.asked?.includes(id)).map((id) => ({ id, label: directory.taxonomy.label(id) })),
    ...(service.needs_inferred ? { needsNote: needsInferredNote } : {}),
    areas: service.areas.map((id) => ({ id, name: directory.gazetteer.name(id) })),
    why,
    lastVerified: service.last_verified,
    lastVerifiedText: formatDate(service.last_verified),
    ...verification(service),
    source: describeSource(service),
    actions,
  };
}

/**
 * The card's referral button. "Refer to First Contact" only where First Contact
 * Plus covers where the person lives; where it does not, a button naming the
 * area's own front door (it opens that front door's details); where Signpost
 * does not know where they live, a button that asks before anything else.
 */
function referralAction(service: Service, areas: readonly AreaId[], directory: Directory): ReplyAction | undefined {
  if (service.front_door) return undefined;
  const route = referralRouteFor(areas, directory);
  switch (route.kind) {
    case "first-contact":
      return { id: "refer", label: referToFirstContact, value: service.id };
    case "ask":
      return firstContactPlus(directory) ? { id: "refer", label: referAskingWhere, value: service.id } : undefined;
    case "elsewhere": {
      if (!route.door) return undefined;
      const label = `${directory.gazetteer.name(route.area)}'s front door: ${route.door.name}`;
      return { id: "details", label: summarise(label, channelLimits.buttonLabel), value: route.door.id };
    }
  }
}

/**
 * When the record was last verified, and by whom where it says: an imported record's
 * `verified_by` ("ORUK feed leicestershire: its assured_date") reads "Verified by ORUK feed
 * leicestershire (its assured_date) on 2 Sept 2024".
 */
function verification(service: Service): Pick<ServiceCard, "verifiedBy" | "verifiedText"> {
  const date = formatDate(service.last_verified);
  if (!service.verified_by) return { verifiedText: `Last verified ${date}` };
  const verifiedBy = service.verified_by.replace(/: (.+)$/, " ($1)");
  return { verifiedBy, verifiedText: `Verified by ${verifiedBy} on ${date}` };
}

/** Everything a person needs before referring: description, eligibility, ages, times and cost. */
function fullDetails(service: Service): string {
  const ages =
    service.minimum_age !== undefined || service.maximum_age !== undefined
      ? `Ages ${service.minimum_age ?? 0}${service.maximum_age !== undefined ? ` to ${service.maximum_age}` : " and over"}.`
      : "";
  const parts = [
    service.description,
    service.eligibility_description ? `Who it is for: ${service.eligibility_description}` : "",
    ages,
    service.schedules?.map((s) => s.description).join("; ") ? `When: ${service.schedules.map((s) => s.description).join("; ")}.` : "",
    service.cost_options?.length ? `Cost: ${service.cost_options.map((c) => c.option).join("; ")}.` : "",
  ];
  return summarise(parts.filter(Boolean).join(" "), channelLimits.paragraph);
}
