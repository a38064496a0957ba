/**
 * Writes an imported feed as service files, replacing the feed's earlier
 * import in one step: the files go to a temporary sibling folder, which is then
 * renamed into place, so a failed write leaves the old import untouched. Files
 * look like hand-written ones (short lists in flow style) and say where they
 * came from, with each service's ORUK id beside it.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Document, isMap, isSeq, Scalar, visit } from "yaml";
import type { ImportedFile } from "./build-imported-files.js";

const flowLists = new Set(["needs", "service_areas", "referral_routes", "languages"]);

function wrap(text: string, width = 98): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

export function renderImportedFile(imported: ImportedFile, header: string): string {
  const doc = new Document(imported.file);
  doc.commentBefore = wrap(header)
    .map((line) => ` ${line}`)
    .join("\n");
  // Times and digit strings quoted, as in hand-written files, so no YAML 1.1 reader takes 10:00 for a number.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && /^[\d:.+ -]+$/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const services = doc.get("services", true);
  if (isSeq(services)) {
    services.items.forEach((item, i) => {
      if (!isMap(item)) return;
      item.commentBefore = ` ORUK id ${imported.orukIds[i] ?? "unknown"}`;
      for (const pair of item.items) {
        const key = (pair.key as { value?: unknown } | null)?.value;
        if (typeof key === "string" && flowLists.has(key) && isSeq(pair.value)) pair.value.flow = true;
      }
    });
  }
  return doc.toString({ lineWidth: 100, flowCollectionPadding: false });
}

/** Replaces `folder` with exactly these files. */
export async function writeImportedFeed(folder: string, files: readonly ImportedFile[], header: string): Promise<string[]> {
  const parent = path.dirname(folder);
  const staging = path.join(parent, `.${path.basename(folder)}.importing`);
  const previous = path.join(parent, `.${path.basename(folder)}.previous`);
  await mkdir(parent, { recursive: true });
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  for (const imported of files) await writeFile(path.join(staging, imported.name), renderImportedFile(imported, header), "utf8");
  await rm(previous, { recursive: true, force: true });
  const hadPrevious = await rename(folder, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return false;
      throw error;
    },
  );
  await rename(staging, folder);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
  return files.map((imported) => path.join(folder, imported.name));
}
