/**
 * The smaller parts of an ORUK service in Signpost's form: cost options (in
 * GBP; an amount without a currency is taken as pounds), schedules (RFC 5545
 * days and HH:MM times, with a description) and languages (by name, else by
 * code). Parts Signpost cannot hold are left out and named in `dropped`.
 */
import type { ServiceRecord } from "../directory/service-file-schema.js";
import type { OrukService } from "./oruk-service-schema.js";

type CostOption = NonNullable<ServiceRecord["cost_options"]>[number];
type Schedule = NonNullable<ServiceRecord["schedules"]>[number];

const present = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";

export function mapCostOptions(options: NonNullable<OrukService["cost_options"]>, dropped: string[]): CostOption[] {
  const mapped: CostOption[] = [];
  options.forEach((cost, c) => {
    const amount = cost.amount ?? undefined;
    const inPounds = !present(cost.currency) || cost.currency.trim().toUpperCase() === "GBP";
    if (amount !== undefined && !inPounds) dropped.push(`cost_options[${c}].amount (not in GBP)`);
    const keepAmount = amount !== undefined && inPounds;
    const option = [cost.option, cost.amount_description].find(present)?.trim() ?? (keepAmount ? (amount === 0 ? "Free" : "Charge") : undefined);
    if (option === undefined) return;
    mapped.push({ option, ...(keepAmount ? { amount } : {}), ...(keepAmount && present(cost.currency) ? { currency: "GBP" as const } : {}) });
  });
  return mapped;
}

const days = /^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/;
const clock = /^(\d{2}):(\d{2})/;

function time(value: string | null | undefined): string | undefined {
  const match = present(value) ? clock.exec(value.trim()) : null;
  return match ? `${match[1]}:${match[2]}` : undefined;
}

export function mapSchedules(schedules: NonNullable<OrukService["schedules"]>): Schedule[] {
  const mapped: Schedule[] = [];
  for (const schedule of schedules) {
    const byday = present(schedule.byday) && days.test(schedule.byday.replace(/\s/g, "").toUpperCase()) ? schedule.byday.replace(/\s/g, "").toUpperCase() : undefined;
    const opens = time(schedule.opens_at);
    const closes = time(schedule.closes_at);
    const built = [byday, opens && closes ? `${opens} to ${closes}` : opens ? `from ${opens}` : undefined].filter(Boolean).join(", ");
    const description = [schedule.description, schedule.notes].find(present)?.trim() ?? (built || undefined);
    if (description === undefined) continue;
    mapped.push({
      description,
      ...(byday === undefined ? {} : { byday }),
      ...(opens === undefined ? {} : { opens_at: opens }),
      ...(closes === undefined ? {} : { closes_at: closes }),
    });
  }
  return mapped;
}

export function mapLanguages(languages: NonNullable<OrukService["languages"]>): string[] {
  const names = languages.map((language) => [language.name, language.code].find(present)?.trim()).filter((name): name is string => name !== undefined);
  return [...new Set(names)];
}
