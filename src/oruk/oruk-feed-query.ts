/**
 * The query parameters of the published ORUK feed, checked once: `page` and
 * `per_page` on every list, and on /services `search`, `taxonomy_term_id`,
 * `taxonomy_id` and `modified_after`. A bad value is one sentence naming the
 * parameter, never a guess. Parameters ORUK defines that Signpost has nothing
 * to filter by (opening times, postcodes) are ignored, as ORUK allows.
 */
import { z } from "zod";

export const maxPerPage = 100;
export const defaultPerPage = 50;

export interface PageQuery {
  readonly page: number;
  readonly perPage: number;
}

export interface ServiceQuery extends PageQuery {
  /** Words that must all start a word of the service's text (normalised). */
  readonly search?: string;
  readonly taxonomyTermId?: string;
  readonly taxonomyId?: string;
  /** The UTC day (YYYY-MM-DD) of `modified_after`: services last changed on or after it. */
  readonly modifiedOnOrAfter?: string;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** A whole-number query parameter from 1 to `max`, defaulting when absent or empty. */
const wholeParameter = (name: string, fallback: number, max?: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw?.trim() ?? "";
      if (value === "") return fallback;
      const number = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
      const problem = Number.isNaN(number)
        ? `must be a whole number, like ${name}=2`
        : number < 1
          ? "must be 1 or more"
          : max !== undefined && number > max
            ? `must be at most ${max}`
            : undefined;
      if (problem === undefined) return number;
      ctx.addIssue({ code: "custom", message: `${name}: ${problem}` });
      return z.NEVER;
    });

/** Absent or blank is "no filter"; otherwise trimmed, at most `max` characters. */
const textParameter = (name: string, max: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw?.trim() ?? "";
      if (value.length <= max) return value === "" ? undefined : value;
      ctx.addIssue({ code: "custom", message: `${name}: must be at most ${max} characters` });
      return z.NEVER;
    });

const dateTime = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The UTC day of a date, or of a date and time (UTC unless it has an offset); undefined if it is neither. */
export function utcDayOf(value: string): string | undefined {
  const match = dateTime.exec(value);
  if (!match) return undefined;
  const [, date = "", time, seconds = ":00", zone = "Z"] = match;
  // Date rolls 2026-02-30 over to March: a date that changes on the way through was not a date.
  const midnight = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(midnight.getTime()) || midnight.toISOString().slice(0, 10) !== date) return undefined;
  if (time === undefined) return date;
  const offset = zone.toUpperCase() === "Z" ? "Z" : zone.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
  const when = new Date(`${date}T${time}${seconds}${offset}`);
  return Number.isNaN(when.getTime()) ? undefined : when.toISOString().slice(0, 10);
}

/** `modified_after` as a UTC day: a record changed that day or later is included. */
const modifiedAfter = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const value = raw?.trim() ?? "";
    if (value === "") return undefined;
    const day = utcDayOf(value);
    if (day !== undefined) return day;
    ctx.addIssue({ code: "custom", message: "modified_after: must be a date or a date and time, like modified_after=2026-01-31 or modified_after=2026-01-31T09:00:00Z" });
    return z.NEVER;
  });

const pageSchema = z.object({ page: wholeParameter("page", 1), per_page: wholeParameter("per_page", defaultPerPage, maxPerPage) });

const serviceSchema = pageSchema.extend({
  search: textParameter("search", 200),
  taxonomy_term_id: textParameter("taxonomy_term_id", 200),
  taxonomy_id: textParameter("taxonomy_id", 200),
  modified_after: modifiedAfter,
});

type Query = (name: string) => string | undefined;

function parse<S extends z.ZodType, T>(schema: S, names: readonly string[], query: Query, build: (data: z.output<S>) => T): Parsed<T> {
  const parsed = schema.safeParse(Object.fromEntries(names.map((name) => [name, query(name)])));
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join("; ") };
  return { ok: true, value: build(parsed.data) };
}

export function parsePageQuery(query: Query): Parsed<PageQuery> {
  return parse(pageSchema, ["page", "per_page"], query, (data) => ({ page: data.page, perPage: data.per_page }));
}

export function parseServiceQuery(query: Query): Parsed<ServiceQuery> {
  return parse(serviceSchema, ["page", "per_page", "search", "taxonomy_term_id", "taxonomy_id", "modified_after"], query, (data) => ({
    page: data.page,
    perPage: data.per_page,
    ...(data.search === undefined ? {} : { search: data.search }),
    ...(data.taxonomy_term_id === undefined ? {} : { taxonomyTermId: data.taxonomy_term_id.toLowerCase() }),
    ...(data.taxonomy_id === undefined ? {} : { taxonomyId: data.taxonomy_id.toLowerCase() }),
    ...(data.modified_after === undefined ? {} : { modifiedOnOrAfter: data.modified_after }),
  }));
}
