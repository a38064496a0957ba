import { z } from "zod";

export const statuses = ["submitted", "acknowledged", "accepted", "declined", "closed"] as const;
export type ReferralStatus = (typeof statuses)[number];

/** A change of status, with what each one must carry. */
export const statusChangeSchema = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("acknowledged") }),
  z.strictObject({ status: z.literal("accepted"), service: z.string().trim().min(1, "Please name the service it went to.").max(100) }),
  z.strictObject({ status: z.literal("declined"), reason: z.string().trim().min(1, "Please give a reason.").max(500) }),
  z.strictObject({ status: z.literal("closed"), outcome: z.string().trim().min(1, "Please give the outcome.").max(500) }),
]);
export type StatusChange = z.infer<typeof statusChangeSchema>;

/** Which status may follow which: the lifecycle the hub works through. */
const allowed: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  submitted: ["acknowledged", "accepted", "declined"],
  acknowledged: ["accepted", "declined"],
  accepted: ["closed"],
  declined: ["closed"],
  closed: [],
};

export function canMove(from: ReferralStatus, to: ReferralStatus): boolean {
  return allowed[from].includes(to);
}

export function isOpen(status: ReferralStatus): boolean {
  return status !== "closed" && status !== "declined";
}
