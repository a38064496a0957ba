import { readFile } from "node:fs/promises";
import { parse, YAMLParseError } from "yaml";
import type { ZodType } from "zod";
import type { DirectoryProblem } from "../errors/directory-error.js";

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problems: DirectoryProblem[] };

/**
 * Reads one YAML file and validates it against a zod schema, turning every
 * failure into problems that name the file, the record and the field.
 */
export async function readYamlFile<T>(absolutePath: string, shownAs: string, schema: ZodType<T>): Promise<ReadResult<T>> {
  let source: string;
  try {
    source = await readFile(absolutePath, "utf8");
  } catch (error) {
    return { ok: false, problems: [{ file: shownAs, path: "", message: `could not be read: ${(error as Error).message}` }] };
  }
  return parseYamlText(source, shownAs, schema);
}

/** Parses YAML already read and validates it, as readYamlFile does. */
export function parseYamlText<T>(source: string, shownAs: string, schema: ZodType<T>): ReadResult<T> {
  let raw: unknown;
  try {
    // uniqueKeys: a key written twice is an error, not a silent overwrite.
    // The yaml library's default alias limit (100) refuses "billion laughs" files.
    raw = parse(source, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const message =
      error instanceof YAMLParseError
        ? `is not valid YAML at line ${error.linePos?.[0].line ?? "?"}: ${error.message.split("\n")[0]}`
        : `is not valid YAML: ${(error as Error).message}`;
    return { ok: false, problems: [{ file: shownAs, path: "", message }] };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      file: shownAs,
      path: formatPath(issue.path),
      message: plainMessage(issue.message),
    })),
  };
}

/** ["services", 3, "needs", 1] -> "services[3].needs[1]" */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return text === "" ? String(key) : `${text}.${String(key)}`;
  }, "");
}

function plainMessage(message: string): string {
  if (message.endsWith("received undefined")) return "is required";
  return message.replace(/^Invalid input: /, "");
}
