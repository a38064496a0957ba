import type { Kysely } from "kysely";
import { JobRuns } from "../../src/jobs/job-runs.js";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import type { Database } from "../../src/storage/database-schema.js";
import { openJobLock } from "../../src/storage/open-job-lock.js";
import type { Clock } from "../../src/time/clock.js";
import { KyselyUnmetSearchLog } from "../../src/unmet-searches/kysely-unmet-search-log.js";

/** The stores createJobs takes, on one database, wired as create-signpost.ts wires them. */
export function jobStores(db: Kysely<Database>, store: "sqlite" | "postgres", clock: Clock) {
  return {
    lock: openJobLock(store, db, clock),
    runs: new JobRuns(db),
    referrals: new KyselyReferralStore(db, clock),
    notifications: new KyselyNotificationStore(db),
    unmetSearches: new KyselyUnmetSearchLog(db),
  };
}
