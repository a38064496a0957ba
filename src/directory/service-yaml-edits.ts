import { isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";

/**
 * Small edits to one service file's text that leave every other byte as it
 * was: comments, folded descriptions and key order stay exactly as the
 * maintainer wrote them (the yaml library would re-fold long lines if the
 * document were printed again). Each returns the new text, or a sentence
 * saying why the file could not be edited.
 */
export type YamlEdit = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string };

/** Sets `last_verified` of the service with this id to `date` ("YYYY-MM-DD"). */
export function setLastVerified(text: string, serviceId: string, date: string): YamlEdit {
  const found = findService(text, serviceId);
  if (!found.ok) return found;
  const value = found.service.get("last_verified", true);
  if (!isScalar(value) || !value.range) return { ok: false, problem: `the record "${serviceId}" has no last_verified line to change` };
  const [start, end] = value.range;
  return { ok: true, text: `${text.slice(0, start)}${date}${text.slice(end)}` };
}

/**
 * Removes the service with this id, with the comment lines just above it, or
 * returns `{ ok: true, text: "" }` when it was the file's only service (the
 * file then has nothing left to hold and goes).
 */
export function removeService(text: string, serviceId: string): YamlEdit {
  const found = findService(text, serviceId);
  if (!found.ok) return found;
  const { services, index } = found;
  if (services.items.length === 1) return { ok: true, text: "" };
  const starts = services.items.map((item) => lineStart(text, (item as YAMLMap).range?.[0] ?? 0));
  // Each item begins at its "- " line, or at the comment lines directly above it.
  const blockStarts = starts.map((start) => withCommentsAbove(text, start));
  const from = blockStarts[index]!;
  const next = blockStarts[index + 1];
  const to = next ?? afterLine(text, (services.items[index] as YAMLMap).range?.[2] ?? text.length);
  return { ok: true, text: `${text.slice(0, from)}${text.slice(to)}` };
}

type Found = { ok: true; services: YAMLSeq; service: YAMLMap; index: number } | { ok: false; problem: string };

function findService(text: string, serviceId: string): Found {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, problem: `the file is not valid YAML: ${doc.errors[0]?.message.split("\n")[0] ?? ""}` };
  const services = doc.get("services", true);
  if (!isSeq(services)) return { ok: false, problem: "the file has no list of services" };
  const index = services.items.findIndex((item) => isMap(item) && item.get("id") === serviceId);
  const service = services.items[index];
  if (index < 0 || !isMap(service)) return { ok: false, problem: `the file holds no record "${serviceId}"` };
  return { ok: true, services, service, index };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** Where the line holding the character before `end` finishes, after its newline. */
function afterLine(text: string, end: number): number {
  const newline = text.indexOf("\n", Math.max(0, end - 1));
  return newline < 0 ? text.length : newline + 1;
}

/** Moves a line start up over the whole-line comments directly above it. */
function withCommentsAbove(text: string, start: number): number {
  let at = start;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    if (!/^\s*#/.test(text.slice(previous, at))) break;
    at = previous;
  }
  return at;
}
