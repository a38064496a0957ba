// The vendor boundary: which files in src/ may import which vendor SDK. Two
// checkers read this one table: ESLint's no-restricted-imports (eslint.config.js)
// and dependency-cruiser (.dependency-cruiser.mjs), both run by `npm run lint`.

/** The vendor SDKs kept out of Signpost's core, each as import patterns. */
export const vendorSdks = {
  slack: ["@slack/*"],
  botbuilder: ["botbuilder", "botbuilder-*", "botframework-*"],
  meilisearch: ["meilisearch", "meilisearch/*"],
  hono: ["hono", "hono/*", "@hono/*"],
  pg: ["pg", "pg/*", "pg-*"],
  sqlite: ["better-sqlite3"],
  kysely: ["kysely", "kysely/*"],
};

/**
 * Where in src/ each vendor SDK may be imported. Everything in src/ not listed
 * is core and may import none of them. The areas must not overlap: a file takes
 * the last block that matches it.
 */
export const vendorAreas = [
  // Adapter folders: a channel, the HTTP server, the search engine, the database.
  { files: ["src/channels/slack/**"], allow: ["slack", "hono", "kysely"] },
  { files: ["src/channels/teams/**"], allow: ["botbuilder", "hono", "kysely"] },
  { files: ["src/channels/web/**", "src/http/**", "src/oruk/mount-oruk-routes.ts"], allow: ["hono"] },
  { files: ["src/search/**"], allow: ["meilisearch"] },
  { files: ["src/storage/**"], allow: ["kysely", "pg", "sqlite"] },
  { files: ["src/directory-version/version-listener.ts"], allow: ["pg"] },
  // The composition root (main.ts, and create-signpost.ts once main has split it
  // in two), and each module's store for its own tables.
  {
    files: [
      "src/main.ts",
      "src/create-signpost.ts",
      "src/conversation/kysely-conversation-store.ts",
      "src/conversation-references/kysely-conversation-reference-store.ts",
      "src/directory/kysely-review-store.ts",
      "src/directory-version/kysely-directory-versions.ts",
      "src/feedback/kysely-answer-verdict-store.ts",
      "src/feedback/kysely-feedback-store.ts",
      "src/jobs/job-runs.ts",
      "src/notifications/inbox-store.ts",
      "src/notifications/kysely-notification-store.ts",
      "src/notifications/outbox-in-query.ts",
      "src/notifications/outbox-sender.ts",
      "src/notifications/write-outbox.ts",
      "src/referrals/kysely-referral-facts.ts",
      "src/referrals/kysely-referral-store.ts",
      "src/referrals/referral-queries.ts",
      "src/referrals/retire-referral.ts",
      "src/sessions/kysely-session-store.ts",
      "src/sessions/kysely-sign-in-attempts.ts",
      "src/unmet-searches/kysely-unmet-search-log.ts",
    ],
    allow: ["kysely"],
  },
  // The limits module's store for its own rate_limits table (through rate-limiter-flexible's pg client).
  { files: ["src/limits/postgres-limit-store.ts"], allow: ["pg"] },
];
