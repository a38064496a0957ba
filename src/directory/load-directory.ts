import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DirectoryError } from "../errors/directory-error.js";
import type { Directory } from "./directory.js";
import { buildGazetteer } from "./load-gazetteer.js";
import { listYamlFiles, loadServices } from "./load-services.js";
import { buildTaxonomy } from "./load-taxonomy.js";
import { needsFileSchema } from "./needs-file-schema.js";
import { placesFileSchema } from "./places-file-schema.js";
import { readYamlFile } from "./read-yaml-file.js";

/**
 * Loads directory/: needs.yaml, places.yaml and every file under services/.
 * All-or-nothing: any problem anywhere throws one DirectoryError listing them all.
 */
export async function loadDirectory(directoryDir: string): Promise<Directory> {
  const shown = (name: string) => path.join(path.basename(directoryDir), name);
  const [needsFile, placesFile] = await Promise.all([
    readYamlFile(path.join(directoryDir, "needs.yaml"), shown("needs.yaml"), needsFileSchema),
    readYamlFile(path.join(directoryDir, "places.yaml"), shown("places.yaml"), placesFileSchema),
  ]);
  if (!needsFile.ok || !placesFile.ok) {
    throw new DirectoryError([...(needsFile.ok ? [] : needsFile.problems), ...(placesFile.ok ? [] : placesFile.problems)]);
  }
  const { taxonomy, problems: taxonomyProblems } = buildTaxonomy(needsFile.value, shown("needs.yaml"));
  const { gazetteer, problems: placeProblems } = buildGazetteer(placesFile.value, shown("places.yaml"));
  if (!taxonomy || !gazetteer) throw new DirectoryError([...taxonomyProblems, ...placeProblems]);

  const servicesDir = path.join(directoryDir, "services");
  const files = await listYamlFiles(servicesDir).catch(() => {
    throw new DirectoryError([{ file: shown("services"), path: "", message: "folder is missing" }]);
  });
  if (files.length === 0) throw new DirectoryError([{ file: shown("services"), path: "", message: "holds no .yaml files" }]);
  const { services, problems } = await loadServices(servicesDir, shown("services"), files, taxonomy, gazetteer);
  if (problems.length > 0) throw new DirectoryError(problems);

  const hash = createHash("sha256");
  for (const name of ["needs.yaml", "places.yaml", ...files.map((file) => path.join("services", file))]) {
    hash.update(name).update("\0").update(await readFile(path.join(directoryDir, name))).update("\0");
  }
  return { services, taxonomy, gazetteer, fingerprint: hash.digest("hex") };
}
