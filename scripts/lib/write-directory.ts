import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import type { Directory, Service } from "../../src/directory/directory.js";

/**
 * Writes a directory (a synthetic one, for start-up benchmarks) as files Signpost
 * loads: the given needs.yaml and places.yaml, and one service file per
 * organisation, as `directory/` holds them.
 */
export async function writeDirectory(directory: Directory, from: string, to: string): Promise<void> {
  await mkdir(path.join(to, "services"), { recursive: true });
  await Promise.all(["needs.yaml", "places.yaml"].map((name) => copyFile(path.join(from, name), path.join(to, name))));
  const byOrganization = new Map<string, Service[]>();
  for (const service of directory.services) byOrganization.set(service.organization.id, [...(byOrganization.get(service.organization.id) ?? []), service]);
  for (const [id, services] of byOrganization) {
    const organization = services[0]!.organization;
    const records = services.map(({ areas: _areas, organization: _organization, file: _file, ...record }) => record);
    await writeFile(path.join(to, "services", `${id}.yaml`), stringify({ organization: { id, name: organization.name }, services: records }));
  }
}
