/**
 * What someone may do beyond searching and referring. Everybody who reaches
 * Signpost through a verified channel is a referrer, and a member of their team
 * (from their channel, else USER_TEAMS, else a team of one). These three roles
 * are given by configuration (the *_USER_IDS settings) or, for people who sign
 * in to the web chat, by their identity provider's groups (OIDC_*_GROUPS):
 *
 *   triage        the First Contact triage team: sees and moves every referral, reads the triage inbox
 *   maintainer    keeps the directory and Signpost running: reads the maintainers' inbox
 *   commissioner  plans the prevention offer: sees anonymous figures, never a person
 */
export const roles = ["triage", "maintainer", "commissioner"] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Who holds which role by configuration: user ids (namespaced) for each role. */
export type RoleAssignments = Readonly<Record<Role, ReadonlySet<string>>>;

export const noRoleAssignments: RoleAssignments = { triage: new Set(), maintainer: new Set(), commissioner: new Set() };

/** The roles a user has: from configuration by their id, plus any their channel vouches for (a signed-in user's groups). */
export function rolesOf(userId: string, assignments: RoleAssignments, fromChannel: readonly Role[] = []): ReadonlySet<Role> {
  const held = new Set<Role>(fromChannel);
  for (const role of roles) if (assignments[role].has(userId)) held.add(role);
  return held;
}
