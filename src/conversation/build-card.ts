import { formatDate } from "../answer/format-date.js";
import { describeSource } from "../directory/describe-source.js";
import type { Directory, Service } from "../directory/directory.js";
import { channelLimits } from "./channel-limits.js";
import type { ReplyAction, ServiceCard } from "./reply.js";
import { summarise } from "./split-text.js";

/** A service as a card: what it is, why it matched, how to refer, when it was last verified. */
export function buildCard(service: Service, why: string, directory: Directory, options: { full?: boolean } = {}): ServiceCard {
  const phone = service.phones?.[0]?.number;
  const actions: ReplyAction[] = [
    { id: "refer", label: "Refer to First Contact", value: service.id },
    ...(options.full ? [] : [{ id: "details" as const, label: "More about this", value: service.id }]),
    { id: "report_outdated", label: "Report outdated details", value: service.id },
  ];
  return {
    id: service.id,
    name: summarise(service.name, channelLimits.heading),
    organization: service.organization.name,
    summary: options.full ? fullDetails(service) : summarise(service.description, channelLimits.summary),
    howToRefer: service.how_to_refer,
    contact: {
      ...(phone ? { phone } : {}),
      ...(service.email ? { email: service.email } : {}),
      ...(service.url ? { url: service.url } : {}),
    },
    needs: service.needs.map((id) => ({ id, label: directory.taxonomy.label(id) })),
    areas: service.areas.map((id) => ({ id, name: directory.gazetteer.name(id) })),
    why,
    lastVerified: service.last_verified,
    lastVerifiedText: formatDate(service.last_verified),
    source: describeSource(service),
    actions,
  };
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
