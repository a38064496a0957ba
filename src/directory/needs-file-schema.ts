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
});

export type NeedsFile = z.infer<typeof needsFileSchema>;
