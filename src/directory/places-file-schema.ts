import { z } from "zod";

const name = z.string().trim().min(1, "must not be empty");

/** directory/places.yaml: the gazetteer. Ids and uniqueness are checked on load. */
export const placesFileSchema = z.strictObject({
  groups: z.record(z.string(), z.array(z.string()).min(1)),
  areas: z.array(
    z.strictObject({
      id: z.string(),
      name,
      kind: z.enum(["district", "city", "unitary"]),
      aliases: z.array(name).optional(),
      postcode_districts: z
        .array(z.string().regex(/^[A-Z]{1,2}\d{1,2}$/, "must be a postcode district like LE11"))
        .optional(),
      postcode_sectors: z
        .array(z.string().regex(/^[A-Z]{1,2}\d{1,2} \d$/, "must be a postcode sector like LE2 0"))
        .optional(),
      places: z.array(z.strictObject({ name, aliases: z.array(name).optional() })).min(1, "must list places"),
    }),
  ),
});

export type PlacesFile = z.infer<typeof placesFileSchema>;
