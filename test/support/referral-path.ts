import type { IncomingMessage } from "../../src/conversation/incoming-message.js";
import type { Reply } from "../../src/conversation/reply.js";
import { isSignpostError } from "../../src/errors/signpost-error.js";
import { type FaultWorld, triageUser } from "./fault-world.js";

/** What the web chat shows for an error that is not Signpost's own (src/http/create-http-app.ts). */
export const internalSentence = "Something went wrong on our side. Please try again; if it keeps happening, tell the administrator.";
export const referencePattern = /FC-[0-9A-Z]{6}/g;

/** One person's referral along its whole path, and everything they were shown on the way. */
export interface PathRun {
  readonly person: string;
  readonly conversationId: string;
  readonly userId: string;
  /** Every text shown to the referrer or triage, a reply's or an error's sentence. */
  readonly shown: string[];
  /** Errors the bot threw that were not Signpost's own (the channel then says `internalSentence`). */
  readonly unexplained: string[];
  formValue?: string | undefined;
  reference?: string | undefined;
}

export function newPath(person: string, index: number): PathRun {
  return { person, conversationId: `fault-${index}`, userId: `web:u-referrer-${index}`, shown: [], unexplained: [] };
}

/** Says something to the bot as a channel would: a thrown error is shown as its one sentence. */
async function say(world: FaultWorld, run: PathRun, message: IncomingMessage): Promise<Reply | undefined> {
  try {
    const reply = await world.bot.handle(message);
    run.shown.push([...reply.text, ...Object.values(reply.form?.errors ?? {})].join("\n"));
    return reply;
  } catch (error) {
    if (!isSignpostError(error)) run.unexplained.push(String(error));
    run.shown.push(isSignpostError(error) ? error.userMessage : internalSentence);
    return undefined;
  }
}

const fields = (run: PathRun) => ({ person: run.person, phone: "0116 496 0123", age: "81", area: "melton", needs: "home-safety", whatMatters: "Staying safe at home", urgency: "routine", consent: "true" });

/** Searches, presses Refer on the first card, and keeps the form it opens. */
export async function openForm(world: FaultWorld, run: PathRun): Promise<boolean> {
  const base = { channel: "web", conversationId: run.conversationId, userId: run.userId } as const;
  const found = await say(world, run, { ...base, text: "older man in Melton who keeps falling at home" });
  const card = found?.cards[0];
  if (!card) return false;
  const opened = await say(world, run, { ...base, action: { id: "refer", value: card.id } });
  run.formValue = opened?.form?.value ?? run.formValue;
  return opened?.form !== undefined;
}

/** Sends the form kept; the reference shown, if any, is kept. */
export async function sendForm(world: FaultWorld, run: PathRun): Promise<string> {
  const sent = await say(world, run, { channel: "web", conversationId: run.conversationId, userId: run.userId, action: { id: "submit_form", value: run.formValue ?? "", fields: fields(run) } });
  const text = sent?.text.join("\n") ?? "";
  run.reference = text.match(referencePattern)?.[0] ?? run.reference;
  return text;
}

/** Triage picks the referral up. */
export async function acknowledge(world: FaultWorld, run: PathRun, reference: string): Promise<void> {
  await say(world, run, { channel: "web", conversationId: `triage-${run.conversationId}`, userId: triageUser, text: `acknowledge ${reference}` });
}

/** One pass of the outbox, as main() runs it on an interval; a failure is the next pass's to retry. */
export async function sendNotifications(world: FaultWorld): Promise<void> {
  await world.sender.runOnce().catch(() => 0);
}

/** The whole path, stopping where the referrer could not go on (they are told why in a sentence). */
export async function walkPath(world: FaultWorld, run: PathRun): Promise<void> {
  if (!(await openForm(world, run))) return;
  await sendForm(world, run);
  await sendNotifications(world);
  if (run.reference) await acknowledge(world, run, run.reference);
  await sendNotifications(world);
}

/**
 * After the fault clears: the referrer sends the same form again (or, if it was never opened or
 * has expired, opens one and sends it), triage acknowledges it if it was not, and the outbox
 * runs until nothing is due.
 */
export async function recover(world: FaultWorld, run: PathRun): Promise<void> {
  if (run.formValue === undefined) await openForm(world, run);
  let answer = await sendForm(world, run);
  if (/expired|replaced|start the referral again/i.test(answer)) {
    await openForm(world, run);
    answer = await sendForm(world, run);
  }
  const row = run.reference ? await world.db.selectFrom("referrals").select("status").where("reference", "=", run.reference).executeTakeFirst() : undefined;
  if (run.reference && row?.status === "submitted") await acknowledge(world, run, run.reference);
  for (let pass = 0; pass < 6; pass++) {
    world.clock.advance(2 * 60 * 60 * 1000);
    await sendNotifications(world);
  }
}
