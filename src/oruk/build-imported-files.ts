/**
 * Checks mapped records against Signpost's own service schema (which accepts
 * `source: ORUK feed <name>` and the feed's contact details) and groups them
 * into one service file per organisation.
 */
import { formatPath } from "../directory/read-yaml-file.js";
import { type ServiceFile, serviceFileSchema, serviceSchema } from "../directory/service-file-schema.js";
import type { MergeCandidate } from "./merge-with-directory.js";
import { shortHash, slugify } from "./oruk-ids.js";
import type { OrukProblem } from "../errors/oruk-import-error.js";

type Candidate = MergeCandidate & { readonly orukId: string };

/** One YAML file of an imported feed: a provider's services, as the directory loads them. */
export interface ImportedFile {
  /** The file name, e.g. `example-organization-inc.yaml`, within the feed's folder. */
  readonly name: string;
  readonly file: ServiceFile;
  /** The feed's id for each service, in order, written as a comment beside it. */
  readonly orukIds: readonly string[];
}

export function checkRecords(candidates: readonly Candidate[]): OrukProblem[] {
  return candidates.flatMap(({ label, record }) =>
    (serviceSchema.safeParse(record).error?.issues ?? []).map((issue) => ({
      record: label,
      field: `(as Signpost record) ${formatPath(issue.path)}`,
      message: issue.message,
    })),
  );
}

/** One file per organisation, named by its Signpost id (the feed's, or a slug of its name made unique). */
export function groupIntoFiles(kept: readonly Candidate[]): { files: ImportedFile[]; problems: OrukProblem[] } {
  const baseIds = new Map<string, Set<string>>();
  const baseOf = (c: Candidate) => c.organization.signpostId ?? (slugify(c.organization.name) || "organisation");
  for (const candidate of kept) {
    const owners = baseIds.get(baseOf(candidate)) ?? new Set<string>();
    owners.add(candidate.organization.orukId);
    baseIds.set(baseOf(candidate), owners);
  }
  const orgIdOf = (c: Candidate) => {
    const base = baseOf(c);
    return (baseIds.get(base)?.size ?? 0) > 1 ? `${base}-${shortHash(c.organization.orukId)}` : base;
  };

  const groups = new Map<string, Candidate[]>();
  for (const candidate of kept) {
    const id = orgIdOf(candidate);
    const members = groups.get(id) ?? [];
    members.push(candidate);
    groups.set(id, members);
  }
  const files: ImportedFile[] = [];
  const problems: OrukProblem[] = [];
  for (const [id, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const org = members[0]!.organization;
    const file: ServiceFile = {
      organization: {
        id,
        name: org.name,
        ...(org.description === undefined ? {} : { description: org.description }),
        ...(org.url === undefined ? {} : { url: org.url }),
        ...(org.email === undefined ? {} : { email: org.email }),
      },
      services: members.map((member) => member.record),
    };
    const result = serviceFileSchema.safeParse(file);
    for (const issue of result.error?.issues ?? []) {
      const at = typeof issue.path[1] === "number" ? members[issue.path[1]]?.label : undefined;
      problems.push({ record: at ?? `organisation ${org.name}`, field: `(as Signpost file) ${formatPath(issue.path)}`, message: issue.message });
    }
    files.push({ name: `${id}.yaml`, file, orukIds: members.map((member) => member.orukId) });
  }
  return { files, problems };
}
