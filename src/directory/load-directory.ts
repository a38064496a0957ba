import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DirectoryError, type DirectoryProblem } from "../errors/directory-error.js";
import type { Directory, Service } from "./directory.js";
import { buildGazetteer } from "./load-gazetteer.js";
import { listYamlFiles, parseServices, type ServiceFileText } from "./load-services.js";
import { buildTaxonomy } from "./load-taxonomy.js";
import { needsFileSchema } from "./needs-file-schema.js";
import { placesFileSchema } from "./places-file-schema.js";
import { parseYamlText } from "./read-yaml-file.js";

/** Validated services kept from an earlier load, by the fingerprint of the files they came from. */
export interface DirectorySnapshot {
  read(fingerprint: string): Promise<readonly Service[] | undefined>;
  write(fingerprint: string, services: readonly Service[]): Promise<void>;
}

export interface LoadOptions {
  /** When given and holding these very files' services, parsing them is skipped. */
  readonly snapshot?: DirectorySnapshot;
}

/**
 * Loads directory/: needs.yaml, places.yaml and every file under services/.
 * All-or-nothing: any problem anywhere throws one DirectoryError listing them all.
 * The fingerprint is a SHA-256 over every file's name and bytes; a snapshot of
 * the validated services is used only when it was made from the same bytes.
 */
export async function loadDirectory(directoryDir: string, options: LoadOptions = {}): Promise<Directory> {
  const shown = (name: string) => path.join(path.basename(directoryDir), name);
  const servicesDir = path.join(directoryDir, "services");
  const relatives = await listYamlFiles(servicesDir).catch(() => {
    throw new DirectoryError([{ file: shown("services"), path: "", message: "folder is missing" }]);
  });
  if (relatives.length === 0) throw new DirectoryError([{ file: shown("services"), path: "", message: "holds no .yaml files" }]);
  const names = ["needs.yaml", "places.yaml", ...relatives.map((file) => path.join("services", file))];
  const read = await Promise.all(names.map((name) => readText(path.join(directoryDir, name), shown(name))));
  const unreadable = read.flatMap((result) => (typeof result === "string" ? [] : [result]));
  if (unreadable.length > 0) throw new DirectoryError(unreadable);
  const [needsText, placesText, ...serviceTexts] = read as string[];

  const needsFile = parseYamlText(needsText!, shown("needs.yaml"), needsFileSchema);
  const placesFile = parseYamlText(placesText!, shown("places.yaml"), placesFileSchema);
  if (!needsFile.ok || !placesFile.ok) {
    throw new DirectoryError([...(needsFile.ok ? [] : needsFile.problems), ...(placesFile.ok ? [] : placesFile.problems)]);
  }
  const { taxonomy, problems: taxonomyProblems } = buildTaxonomy(needsFile.value, shown("needs.yaml"));
  const { gazetteer, problems: placeProblems } = buildGazetteer(placesFile.value, shown("places.yaml"));
  if (!taxonomy || !gazetteer) throw new DirectoryError([...taxonomyProblems, ...placeProblems]);

  const hash = createHash("sha256");
  names.forEach((name, i) => hash.update(name).update("\0").update(read[i] as string).update("\0"));
  const fingerprint = hash.digest("hex");
  const vocabulary = createHash("sha256");
  [needsText!, placesText!].forEach((text) => vocabulary.update(text).update("\0"));
  const vocabularyFingerprint = vocabulary.digest("hex");

  const kept = await options.snapshot?.read(fingerprint);
  if (kept) return { services: kept, taxonomy, gazetteer, fingerprint, vocabularyFingerprint };
  const files: ServiceFileText[] = relatives.map((relative, i) => ({ relative, source: serviceTexts[i]! }));
  const { services, problems } = parseServices(files, shown("services"), taxonomy, gazetteer);
  if (problems.length > 0) throw new DirectoryError(problems);
  await options.snapshot?.write(fingerprint, services);
  return { services, taxonomy, gazetteer, fingerprint, vocabularyFingerprint };
}

async function readText(absolutePath: string, shownAs: string): Promise<string | DirectoryProblem> {
  try {
    return await readFile(absolutePath, "utf8");
  } catch (error) {
    return { file: shownAs, path: "", message: `could not be read: ${(error as Error).message}` };
  }
}
