import type { Service } from "./directory.js";

/**
 * A short, honest note on where a record's facts came from, for anyone reading
 * a service card: invented samples and invented contact details are said so.
 */
export function describeSource(service: Pick<Service, "source">): string {
  if (service.source === "illustrative sample") return "illustrative sample record, not a real service";
  const document = service.source.replace(/;.*$/, "").replace(/^seed \d{3} \((.*)\)$/, "$1");
  return service.source.includes("illustrative sample")
    ? `from the ${document}; contact details are illustrative`
    : `from the ${document}`;
}
