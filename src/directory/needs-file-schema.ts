import { z } from "zod";

const term = z.string().trim().min(1, "must not be empty");
const oneLine = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((value) => !value.includes("\n"), "must be one line");
const age = z.number().int().min(0).max(120);

/**
 * A term of one of the LGA's ESD lists (https://standards.esd.org.uk), as Open Referral UK feeds
 * use them: `id` is the list's own identifier (a number for needs and service types, a name such as
 * `AddictSubstanceAbuser_Smoking` for circumstances), `label` the list's label for it.
 */
const esdTerm = (idPattern: RegExp, what: string) =>
  z.strictObject({ id: z.string().regex(idPattern, `must be ${what}`), label: oneLine });

/** Which ESD terms mean this need (esdNeeds, esdCircumstances, esdServiceTypes). */
const esdMapping = z.strictObject({
  needs: z.array(esdTerm(/^\d+$/, "the number of an ESD need, e.g. 69")).default([]),
  circumstances: z.array(esdTerm(/^[A-Za-z][A-Za-z0-9_]*$/, "the name of an ESD circumstance, e.g. AddictSubstanceAbuser_Smoking")).default([]),
  service_types: z.array(esdTerm(/^\d+$/, "the number of an ESD service type, e.g. 298")).default([]),
});

/** directory/needs.yaml: the needs taxonomy. Ids are checked against ids.ts on load. */
export const needsFileSchema = z.strictObject({
  /** The first level of the tree: each need names its group. */
  groups: z.array(
    z.strictObject({
      id: z.string(),
      label: z.string().trim().min(1, "must not be empty"),
      description: oneLine,
      /** Words that name the whole group ("housing problems"), beyond its label. */
      terms: z.array(term).default([]),
    }),
  ),
  needs: z.array(
    z
      .strictObject({
        id: z.string(),
        group: z.string(),
        label: z.string().trim().min(1, "must not be empty"),
        description: oneLine,
        lay_terms: z.array(term).min(1, "must list the words people use"),
        professional_terms: z.array(term).min(1, "must list the terms staff use"),
        /** An age band the need belongs to (young carers: under 18), in whole years. */
        minimum_age: age.optional(),
        maximum_age: age.optional(),
        /**
         * The need the same words mean for someone outside this need's age band (young carers:
         * carers-support). With the person's age known, each is read as the other where the age says so.
         */
        for_other_ages: z.string().optional(),
        esd: esdMapping.optional(),
      })
      .refine((need) => need.minimum_age === undefined || need.maximum_age === undefined || need.minimum_age <= need.maximum_age, {
        message: "minimum_age must not be above maximum_age",
        path: ["maximum_age"],
      }),
  ),
  /** Terms listed under more than one need on purpose (a fire risk that is also a memory sign). */
  shared_terms: z.array(term).default([]),
  /** Needs the directory does not cover yet: named so that Signpost can say so, never matched to a near need. */
  not_listed: z.array(z.strictObject({ label: z.string().trim().min(1, "must not be empty"), terms: z.array(term).min(1, "must list the words people use") })).default([]),
  /** Terms of a need that describe a circumstance, not a request ("lives alone"): they count only when nothing else is asked. */
  circumstances: z.array(term).default([]),
});

export type NeedsFile = z.infer<typeof needsFileSchema>;
