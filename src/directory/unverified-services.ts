import type { Service } from "./directory.js";

/**
 * Services whose `last_verified` date is before `cutoff` ("YYYY-MM-DD"),
 * oldest first (then by provider and id, so the order is stable). One rule for
 * `npm run directory:check` and the weekly stale-entries digest.
 */
export function unverifiedSince<S extends Pick<Service, "id" | "last_verified" | "organization">>(services: readonly S[], cutoff: string): S[] {
  return services
    .filter((service) => service.last_verified < cutoff)
    .sort((a, b) => a.last_verified.localeCompare(b.last_verified) || a.organization.name.localeCompare(b.organization.name) || a.id.localeCompare(b.id));
}
