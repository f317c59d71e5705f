// Zod fields the scenario's parts share (topics, producers, consumers): Kafka's naming rules for
// client ids and topics, config objects as written, and how a client-style config validation's
// issues are reported (under `config`, or `config.<name>`).
import { z } from "zod";

export const clientId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, "use 1-64 letters, digits, '.', '_' or '-'");

export const topicName = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,249}$/, "Kafka topic names use 1-249 letters, digits, '.', '_' or '-'");

/** A config object as written: Kafka property names to values, validated as a whole by its owner. */
export const configObject = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** Reports a config validation's issues on the `config` field (or the named property in it). */
export function addConfigIssues(
  ctx: z.RefinementCtx,
  result: { ok: true } | { ok: false; issues: readonly { key: string | null; message: string }[] },
): void {
  if (result.ok) return;
  for (const issue of result.issues) {
    ctx.addIssue({
      code: "custom",
      path: issue.key === null ? ["config"] : ["config", issue.key],
      message: issue.message,
    });
  }
}
