// Simulated time is an integer count of microseconds owned by the engine. Kafka configs keep
// their own units (`linger.ms`), converted at the edge with these helpers.

declare const simTimeBrand: unique symbol;
/** Microseconds since the start of the run. Always a non-negative safe integer. */
export type SimTimeUs = number & { readonly [simTimeBrand]: true };

export const US_PER_MS = 1000;
export const US_PER_SECOND = 1_000_000;

export function msToUs(ms: number): SimTimeUs {
  return Math.round(ms * US_PER_MS) as SimTimeUs;
}
