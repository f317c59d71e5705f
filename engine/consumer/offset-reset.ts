// auto.offset.reset as Kafka 4.x's consumer takes it (AutoOffsetResetStrategy, KIP-1106, released
// in 4.0): earliest, latest, none, or by_duration:<ISO-8601 duration>, which resets to the first
// record no older than now − duration (ListOffsets by timestamp). The duration is parsed as Java's
// Duration.parse reads it (PnDTnHnMn.nS, case-insensitive, signs allowed) and must not be negative.
import { z } from "zod";

export type AutoOffsetReset =
  | { readonly kind: "earliest" | "latest" | "none" }
  | { readonly kind: "by_duration"; readonly durationMs: number };

const CONFIG = "auto.offset.reset";

// Duration.parse's pattern: an optional sign, P, days, and a T with hours, minutes and seconds.
const ISO_DURATION =
  /^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$/i;

/** Duration.parse in milliseconds (fractions kept), or null where Java throws. */
export function parseIsoDurationMs(text: string): number | null {
  const match = ISO_DURATION.exec(text);
  if (!match) return null;
  const [, sign, days, timePart, hours, minutes, seconds, fraction] = match;
  // "PT" with no time field, or "P" with no field at all, is not a duration.
  if (timePart?.toUpperCase() === "T") return null;
  if (days === undefined && hours === undefined && minutes === undefined && seconds === undefined)
    return null;
  const secondsValue = Number(seconds ?? 0);
  const fractionMs = fraction ? Number(`0.${fraction}`) * 1000 * (seconds?.startsWith("-") ? -1 : 1) : 0;
  const totalMs =
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    secondsValue * 1000 +
    fractionMs;
  if (!Number.isFinite(totalMs) || Math.abs(totalMs) > Number.MAX_SAFE_INTEGER) return null;
  return sign === "-" ? -totalMs : totalMs;
}

/** AutoOffsetResetStrategy.fromString: the strategy, or null where Kafka's validator refuses it. */
export function parseAutoOffsetReset(value: string): AutoOffsetReset | null {
  if (value === "earliest" || value === "latest" || value === "none") return { kind: value };
  const prefix = "by_duration:";
  if (!value.startsWith(prefix)) return null;
  const durationMs = parseIsoDurationMs(value.slice(prefix.length));
  // "Negative duration is not supported in by_duration offset reset strategy."
  if (durationMs === null || durationMs < 0) return null;
  return { kind: "by_duration", durationMs };
}

/** The ConfigException AutoOffsetResetStrategy.Validator throws (ConfigDef trims the value first). */
export function invalidAutoOffsetReset(value: string): string {
  return (
    `Invalid value ${value} for configuration ${CONFIG}: Invalid value \`${value}\` for configuration ${CONFIG}. ` +
    "The value must be either 'earliest', 'latest', 'none' or of the format 'by_duration:<PnDTnHnMn.nS.>'."
  );
}

/** The config field: a string Kafka's validator accepts, trimmed as ConfigDef trims it. */
export const autoOffsetResetField = z
  .string()
  .transform((raw, ctx) => {
    const value = raw.trim();
    if (parseAutoOffsetReset(value) === null) {
      ctx.addIssue({ code: "custom", message: invalidAutoOffsetReset(value) });
      return z.NEVER;
    }
    return value;
  })
  .default("latest");
