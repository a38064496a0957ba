import { z } from "zod";

const term = z.string().trim().min(1, "must not be empty");

/** directory/needs.yaml: the needs taxonomy. Ids are checked against ids.ts on load. */
export const needsFileSchema = z.strictObject({
  needs: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string().trim().min(1, "must not be empty"),
      description: z
        .string()
        .trim()
        .min(1, "must not be empty")
        .refine((value) => !value.includes("\n"), "must be one line"),
      lay_terms: z.array(term).min(1, "must list the words people use"),
      professional_terms: z.array(term).min(1, "must list the terms staff use"),
    }),
  ),
  /** Needs the directory does not cover yet: named so that Signpost can say so, never matched to a near need. */
  not_listed: z.array(z.strictObject({ label: z.string().trim().min(1, "must not be empty"), terms: z.array(term).min(1, "must list the words people use") })).default([]),
  /** Terms of a need that describe a circumstance, not a request ("lives alone"): they count only when nothing else is asked. */
  circumstances: z.array(term).default([]),
});

export type NeedsFile = z.infer<typeof needsFileSchema>;
