// Commands on consumers' lives, for group scenarios: add one (it joins at once), close it (commit
// if auto-commit, LeaveGroup), crash it (no LeaveGroup: the session timeout finds out), restart a
// crashed one with the same config, pause/resume its partitions. engine/commands.ts includes them.
import { z } from "zod";
import { consumerSpecSchema } from "../consumer/spec";

const consumerId = z.string().min(1).max(64);

export const GROUP_COMMAND_SCHEMAS = [
  z.object({ type: z.literal("addConsumer"), consumer: consumerSpecSchema }).strict(),
  z.object({ type: z.literal("closeConsumer"), consumerId }).strict(),
  z.object({ type: z.literal("crashConsumer"), consumerId }).strict(),
  z
    .object({
      type: z.literal("restartConsumer"),
      consumerId,
      /**
       * New configs (Kafka names) for the new instance. Consumer configs are fixed when a
       * KafkaConsumer is created, so a running consumer is closed first, then started with them.
       */
      config: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
  z.object({ type: z.literal("pauseConsumer"), consumerId }).strict(),
  z.object({ type: z.literal("resumeConsumer"), consumerId }).strict(),
] as const;

export type ConsumerLifecycleCommand = z.output<(typeof GROUP_COMMAND_SCHEMAS)[number]>;

const TYPES: ReadonlySet<string> = new Set(GROUP_COMMAND_SCHEMAS.map((s) => s.shape.type.value));

export function isConsumerLifecycleCommand(command: {
  readonly type: string;
}): command is ConsumerLifecycleCommand {
  return TYPES.has(command.type);
}
