/**
 * Reading what the app sent to the Web API: a message's blocks, its service
 * card headings, and its buttons with the block each sits in (what a press of
 * that button sends back).
 */
import type { RecordedCall } from "./slack-api-recorder.js";
import type { PressedButton } from "./slack-payloads.js";

export interface RecordedBlock {
  readonly type: string;
  readonly block_id?: string;
  readonly text?: { readonly text: string };
  readonly elements?: readonly PressedButton[];
}

export function blocksIn(call: RecordedCall | undefined): RecordedBlock[] {
  return (call?.args.blocks ?? []) as RecordedBlock[];
}

export function headingsIn(call: RecordedCall | undefined): (string | undefined)[] {
  return blocksIn(call)
    .filter((b) => b.type === "header")
    .map((b) => b.text?.text);
}

export function buttonsIn(call: RecordedCall | undefined): PressedButton[] {
  return blocksIn(call).flatMap((b) => (b.type === "actions" ? (b.elements ?? []).map((e) => ({ ...e, block_id: b.block_id ?? "" })) : []));
}
