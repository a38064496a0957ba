/**
 * The tables, as Kysely sees them. Column types are the same in SQLite and
 * PostgreSQL: timestamps are ISO-8601 text, lists are JSON text, so one query
 * layer serves both (see migrations/).
 */
export interface ReferralsTable {
  id: string;
  reference: string;
  idempotency_key: string;
  status: string;
  person: string;
  contact_phone: string | null;
  contact_email: string | null;
  contact_address: string | null;
  contact_when: string | null;
  age: number | null;
  date_of_birth: string | null;
  nhs_number: string | null;
  area: string;
  needs: string;
  what_matters: string;
  urgency: string;
  suggested_services: string;
  consent_confirmed_by: string;
  consent_confirmed_at: string;
  referrer_id: string;
  referrer_name: string | null;
  /** 1 when referrer_name was typed by the referrer in trial mode (not verified by a sign-in), else 0. */
  referrer_name_given: number;
  referrer_team: string;
  channel: string;
  origin_conversation_id: string;
  accepted_service: string | null;
  decline_reason: string | null;
  outcome: string | null;
  /** The referrer's answer to the outcome follow-up: engaged, did-not-engage or unknown. */
  engagement: string | null;
  engagement_recorded_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Append-only: every read and write of referral details, and every change of status. */
export interface AuditEventsTable {
  id: string;
  referral_id: string;
  action: string;
  actor_id: string;
  actor_team: string;
  channel: string;
  at: string;
  /** JSON, never personal data: the status moved to, the export's filter. */
  detail: string;
}

/** Notifications waiting to be sent, written in the same transaction as the change they announce. */
export interface OutboxTable {
  id: string;
  idempotency_key: string;
  /** Empty for notices about no single referral (the scheduled jobs' digests and alerts). */
  referral_id: string;
  /** Which notifier sends it: "web", "terminal", "slack", "teams", "webhook". */
  notifier: string;
  /** JSON: where it goes (a conversation, a user, a URL). */
  destination: string;
  /** JSON: what it says. */
  payload: string;
  attempts: number;
  next_attempt_at: string;
  delivered_at: string | null;
  last_error: string | null;
  created_at: string;
}

/** Messages for channels that cannot be pushed to (web chat, terminal): read when the user next looks. */
export interface InboxTable {
  id: string;
  conversation_id: string;
  text: string;
  created_at: string;
  read_at: string | null;
}

/** How to reach a Teams conversation later: a Bot Framework ConversationReference as JSON (see src/channels/teams/). */
export interface TeamsConversationsTable {
  conversation_id: string;
  tenant_id: string | null;
  /** The user's Entra object id, for personal chats only. */
  user_id: string | null;
  reference: string;
  updated_at: string;
}

/** One row per job and scheduled slot: a slot runs once, however many instances tick. */
export interface JobRunsTable {
  job: string;
  /** London wall-clock time the run was scheduled for ("2027-03-28T02:30"), or "by-hand:<ISO time>". */
  slot: string;
  outcome: "running" | "succeeded" | "failed";
  attempts: number;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  /** One line with counts, never personal data. */
  summary: string | null;
}

/** SQLite's job locks (PostgreSQL uses advisory locks). A crashed holder's lock lapses at expires_at. */
export interface JobLocksTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** Searches that found nothing, counted by day, need and area: never the words searched. */
export interface UnmetSearchesTable {
  day: string;
  need: string;
  /** An area id, or "" when the search named none. */
  area: string;
  /** "nothing": no service at all; "nothing-in-area": some elsewhere, none in the area asked for. */
  kind: string;
  count: number;
}

/** What a referral leaves behind when the retention job deletes it: counts only. */
export interface RetiredReferralsTable {
  /** The month it was made, "YYYY-MM". */
  month: string;
  area: string;
  status: string;
  engagement: string;
  count: number;
}

/** A web chat session: the cookie holds a random token, the table only its SHA-256. */
export interface WebSessionsTable {
  token_hash: string;
  /** Namespaced: web:<sub>, or web:trial-<random> in trial mode. */
  user_id: string;
  user_name: string | null;
  /** JSON: the roles the identity provider's groups gave at sign-in (configuration adds its own). */
  roles: string;
  kind: "trial" | "signed-in";
  created_at: string;
  last_seen_at: string;
  /** The absolute timeout; the idle timeout is counted from last_seen_at. */
  expires_at: string;
}

/** An OpenID Connect sign-in in progress, by a hash of its state; deleted when used or expired. */
export interface SignInAttemptsTable {
  state_hash: string;
  code_verifier: string;
  nonce: string;
  /** A path on this site to go back to, never a full URL. */
  return_to: string;
  expires_at: string;
}

/** One conversation's state between turns (src/conversation/), as JSON, with who last wrote it. */
export interface ConversationsTable {
  conversation_id: string;
  owner_id: string;
  state: string;
  updated_at: string;
  expires_at: string;
}

/** rate-limiter-flexible's counters on PostgreSQL (src/limits/); unused with SQLite, whose limits are in memory. */
export interface RateLimitsTable {
  key: string;
  points: number;
  expire: string | number | null;
}

/**
 * The maintainers' reviews of directory records (src/directory/kysely-review-store.ts):
 * append-only, one row per action, so the table is its own audit trail.
 */
export interface DirectoryReviewsTable {
  /** orderedId: sorts in the order the actions were recorded. */
  id: string;
  service_id: string;
  /** "verified", "corrected" or "closed". */
  action: string;
  /** Who recorded it, as they gave it with --by. */
  reviewed_by: string;
  note: string | null;
  /** ISO timestamp. */
  at: string;
  /** The London date ("YYYY-MM-DD") this counts as a verification, or null when it does not. */
  verified_on: string | null;
  /** "local" (a file in directory/services/), "imported" (an ORUK feed's file) or "gone" (no longer in the directory). */
  record_kind: string;
  /** The service's file, relative to directory/services/, when it had one. */
  file: string | null;
}

/**
 * "Report outdated details" reports (src/feedback/kysely-feedback-store.ts), insert-only.
 * `details` is what the reporter typed and may hold personal data: never logged.
 */
/** Verdicts on answers (Slack's feedback buttons): no message text, the services shown and the verdict only. */
export interface AnswerVerdictsTable {
  /** orderedId of when it was given. */
  id: string;
  /** "helpful" or "not_helpful". */
  verdict: string;
  /** JSON array of the directory ids of the services the answer showed. */
  service_ids: string;
  /** The channel it came from: slack. */
  channel: string;
  /** The namespaced id of who gave it (as feedback_reports keeps its reporter's). */
  given_by: string;
  /** ISO timestamp. */
  given_at: string;
}

export interface FeedbackReportsTable {
  /** orderedId for a report made here; "imported-<sha256>" for one moved in from an old feedback.jsonl. */
  id: string;
  service_id: string;
  organization_id: string;
  details: string;
  /** The channel it came from: web, slack, teams, terminal. */
  channel: string;
  /** The reporter's namespaced id; never shown in the digest. */
  reported_by: string;
  /** ISO timestamp. */
  reported_at: string;
}

/** Slack requests already handled (src/channels/slack/seen-requests.ts): "signature:<v0=…>" or "event:<event_id>". */
export interface SlackSeenRequestsTable {
  key: string;
  expires_at: string;
}

/** A Slack form waiting for its "Open the form" button (src/channels/slack/pending-forms.ts), by a random token. */
export interface SlackPendingFormsTable {
  token: string;
  /** JSON: the core's reply with its form (which may be pre-filled with a person's details), its conversation and team. */
  form: string;
  expires_at: string;
}

/** Where a privately sent Teams card's buttons belong (src/channels/teams/private-routes.ts), by a random token. */
export interface TeamsPrivateRoutesTable {
  token: string;
  conversation_id: string;
  /** Only this user's presses are routed. */
  user_id: string;
  team: string | null;
  expires_at: string;
}

/** The shared directory version (src/directory-version/): one row each time a new one is recorded; the latest is live. */
export interface DirectoryVersionsTable {
  /** orderedId: sorts in the order the versions were recorded. */
  id: string;
  /** The directory's SHA-256 over every file (Directory.fingerprint). */
  fingerprint: string;
  /** How many services it holds. */
  services: number;
  /** ISO timestamp. */
  made_at: string;
  /** The instance that recorded it (INSTANCE_NAME). */
  made_by: string;
  /** "start-up", "refresh" (the directory-refresh job) or "by-hand" (npm run job). */
  reason: string;
}

export interface Database {
  referrals: ReferralsTable;
  audit_events: AuditEventsTable;
  outbox: OutboxTable;
  inbox: InboxTable;
  teams_conversations: TeamsConversationsTable;
  job_runs: JobRunsTable;
  job_locks: JobLocksTable;
  unmet_searches: UnmetSearchesTable;
  retired_referrals: RetiredReferralsTable;
  web_sessions: WebSessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  conversations: ConversationsTable;
  rate_limits: RateLimitsTable;
  directory_reviews: DirectoryReviewsTable;
  feedback_reports: FeedbackReportsTable;
  answer_verdicts: AnswerVerdictsTable;
  slack_seen_requests: SlackSeenRequestsTable;
  slack_pending_forms: SlackPendingFormsTable;
  teams_private_routes: TeamsPrivateRoutesTable;
  directory_versions: DirectoryVersionsTable;
}
