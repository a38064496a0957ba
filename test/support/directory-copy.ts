import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The real directory/ folder of the project. */
export const realDirectory = path.join(import.meta.dirname, "../../directory");

/**
 * A private copy of the real directory in a temporary folder, so a test can
 * break one file on purpose and check the loader's error.
 */
export function copyDirectory(): { dir: string; edit(file: string, change: (text: string) => string): void; write(file: string, text: string): void } {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "signpost-directory-")), "directory");
  cpSync(realDirectory, dir, { recursive: true });
  return {
    dir,
    edit(file, change) {
      const target = path.join(dir, file);
      const before = readFileSync(target, "utf8");
      const after = change(before);
      if (after === before) throw new Error(`test edit changed nothing in ${file}`);
      writeFileSync(target, after);
    },
    write(file, text) {
      writeFileSync(path.join(dir, file), text);
    },
  };
}
