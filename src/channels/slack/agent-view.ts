/**
 * What Signpost shows in Slack's agent messaging experience: the description
 * and suggested prompts of deploy/slack/manifest.yml's features.agent_view
 * (test/channels/slack/manifest.test.ts keeps the two the same), which Signpost
 * also sets when a person opens its DM or an assistant thread, and the status
 * shown while it looks for an answer. Each prompt's message is something the
 * core understands as it is typed.
 */
export const agentDescription =
  "Finds prevention and community services in Leicester, Leicestershire and Rutland for the person you are supporting, and logs First Contact Plus referrals. It signposts; it never gives clinical advice.";

export const suggestedPromptsTitle = "What can Signpost help with?";

export const suggestedPrompts = [
  { title: "Lonely and housebound", message: "lonely and housebound" },
  { title: "Log a referral", message: "log a referral" },
  { title: "My referrals", message: "my referrals" },
] as const;

/** assistant.threads.setStatus while the core answers (Slack shows it after the app's name). */
export const answeringStatus = "is looking in the directory…";
