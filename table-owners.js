// Which module owns each table (decision 0022): only files in the owner's folder
// may name the table in a query. ESLint's no-restricted-syntax (eslint.config.js)
// reads this table; the migrations and the schema type, which define every table,
// are exempt. dependency-cruiser cannot check this: it sees imports, not table names.

/** Table name -> the folder of src/ that owns it. */
export const tableOwners = {
  referrals: "src/referrals",
  audit_events: "src/referrals",
  retired_referrals: "src/referrals",
  outbox: "src/notifications",
  inbox: "src/notifications",
  teams_conversations: "src/conversation-references",
  job_runs: "src/jobs",
  job_locks: "src/storage",
  unmet_searches: "src/unmet-searches",
  web_sessions: "src/sessions",
  sign_in_attempts: "src/sessions",
  conversations: "src/conversation",
  rate_limits: "src/limits",
  directory_reviews: "src/directory",
  feedback_reports: "src/feedback",
  answer_verdicts: "src/feedback",
  slack_seen_requests: "src/channels/slack",
  slack_pending_forms: "src/channels/slack",
  teams_private_routes: "src/channels/teams",
  directory_versions: "src/directory-version",
};

/** Files that define every table rather than use one. */
export const tableDefinitions = ["src/storage/migrations/**", "src/storage/database-schema.ts"];

const queryMethods = "selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|with";

/** no-restricted-syntax entries refusing a table named in Kysely's builder, sql.table, a tableName option or raw SQL. */
export function tableSelectors(table) {
  const message = `The ${table} table belongs to ${tableOwners[table]}/: reach it through that module's store (table-owners.js).`;
  const name = `/^${table}(\\s|\\.|$)/`;
  return [
    { selector: `CallExpression[callee.property.name=/^(${queryMethods})$/][arguments.0.value=${name}]`, message },
    { selector: `CallExpression[callee.object.name='sql'][callee.property.name='table'][arguments.0.value=${name}]`, message },
    { selector: `Property[key.name='tableName'][value.value='${table}']`, message },
    { selector: `TemplateElement[value.raw=/\\b(from|join|into|update|exists)\\s+"?${table}\\b/i]`, message },
  ];
}
