/**
 * The App Home tab: a short how-to, then the person's own recent referrals and
 * their status exactly as the core lists them for "my referrals" (references,
 * statuses, dates and needs: no personal details). Within 100 blocks.
 */
import type { types } from "@slack/bolt";
import { blockKit } from "./block-kit-limits.js";
import { escapeMrkdwn, mrkdwnPieces, plain } from "./slack-text.js";

function howTo(commandName: string): string {
  const command = escapeMrkdwn(commandName);
  return [
    "Signpost finds prevention and community services across Leicester, Leicestershire and Rutland, and logs referrals to First Contact Plus. It signposts: it never gives clinical advice. In an emergency call 999; for a mental health crisis call NHS 111 and choose option 2.",
    `• *Ask*: \`${command} lonely widower in Loughborough\`, mention me in a channel, or message me here.`,
    "• *Refer*: press *Refer to First Contact* on a service, or use the shortcut *Log a First Contact referral*. The person's details stay between you and the First Contact team.",
    "• *From a message*: on any message, choose *More actions → Find services for this*.",
    "• *Follow up*: ask me \"any update on FC-7K3M9Q?\" or \"my referrals\". Status changes are posted back where the referral was made.",
  ].join("\n");
}

function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

/** `referrals` is the core's answer to "my referrals" for this person (its paragraphs), or why there is none. */
export function renderHome(commandName: string, referrals: readonly string[]): types.HomeView {
  const top: types.KnownBlock[] = [
    { type: "header", text: plain("Signpost", blockKit.headerText) },
    section(howTo(commandName)),
    { type: "divider" },
    { type: "header", text: plain("Your recent referrals", blockKit.headerText) },
  ];
  const lines = referrals.join("\n") || "-";
  const room = blockKit.blocksPerView - top.length - 1;
  const pieces = mrkdwnPieces(lines, blockKit.sectionText);
  const listed = pieces.slice(0, room).map(section);
  const more: types.KnownBlock[] =
    pieces.length > room ? [{ type: "context", elements: [{ type: "mrkdwn", text: 'There are more: message me "my referrals" to see them all.' }] }] : [];
  return { type: "home", blocks: [...top, ...listed, ...more] };
}
