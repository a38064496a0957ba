import type { Kysely, Migration } from "kysely";

/**
 * referrals.referrer_name_given: 1 when the referrer's name was typed by them in
 * the web chat's trial mode (no sign-in vouches for it), so triage is shown it as
 * given and not verified; 0 for a name a sign-in or channel gave, or none.
 */
export const migration010: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("referrals").addColumn("referrer_name_given", "integer", (c) => c.notNull().defaultTo(0)).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("referrals").dropColumn("referrer_name_given").execute();
  },
};
