// Validation and effect of the consumer lifecycle commands (engine/group/commands.ts). Validation
// runs before the command is recorded, so a rejected command leaves no trace in the run.
import type { SimContext } from "../context";
import { CommandError } from "../core/errors";
import type { ConsumerLifecycleCommand } from "../group/commands";
import { topicPartitionCount } from "../state";
import { clientHostFor, createConsumerState, restartConsumerNow } from "./consumer";
import { isRunning } from "./fetcher";
import { closeConsumer, crashConsumer, pauseConsumer, resumeConsumer } from "./lifecycle";
import { type AnyConsumerSpec, consumerSpecSchema, specTopics } from "./spec";
import type { ConsumerState } from "./types";

/** Commands applied straight to a Simulation may skip the schema: defaults are filled in here. */
function parsedSpec(spec: unknown): AnyConsumerSpec {
  const parsed = consumerSpecSchema.safeParse(spec);
  if (!parsed.success) {
    throw new CommandError(
      `addConsumer: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

/** The spec with these configs changed, validated as a new KafkaConsumer would validate it. */
function reconfiguredSpec(consumer: ConsumerState, config: Record<string, unknown>): AnyConsumerSpec {
  const spec = { ...consumer.spec, config: { ...consumer.spec.config, ...config } };
  const parsed = consumerSpecSchema.safeParse(spec);
  if (!parsed.success) {
    throw new CommandError(
      `restartConsumer: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

function consumerOf(ctx: SimContext, command: ConsumerLifecycleCommand): ConsumerState {
  if (command.type === "addConsumer") throw new CommandError("addConsumer names no existing consumer");
  const consumer = ctx.state.consumers.get(command.consumerId);
  if (!consumer) throw new CommandError(`${command.type}: no consumer "${command.consumerId}"`);
  return consumer;
}

export function validateConsumerCommand(ctx: SimContext, command: ConsumerLifecycleCommand): void {
  const { state } = ctx;
  if (command.type === "addConsumer") {
    const spec = parsedSpec(command.consumer);
    if (state.consumers.has(spec.id) || state.producers.has(spec.id)) {
      throw new CommandError(`addConsumer: a client "${spec.id}" already exists`);
    }
    for (const topic of specTopics(spec)) {
      if (!state.scenario.cluster.topics.some((t) => t.name === topic)) {
        throw new CommandError(`addConsumer: unknown topic "${topic}" (not in cluster.topics)`);
      }
    }
    return;
  }
  const consumer = consumerOf(ctx, command);
  if (command.type === "restartConsumer") {
    const dead = consumer.status === "crashed" || consumer.status === "closed";
    if (command.config) {
      reconfiguredSpec(consumer, command.config);
      if (!dead && !isRunning(consumer))
        throw new CommandError(`restartConsumer: ${consumer.id} is ${consumer.status}`);
    } else if (!dead) {
      throw new CommandError(`restartConsumer: ${consumer.id} is running (crash or close it first)`);
    }
  }
  if ((command.type === "closeConsumer" || command.type === "crashConsumer") && !isRunning(consumer)) {
    throw new CommandError(`${command.type}: ${consumer.id} is already ${consumer.status}`);
  }
}

export function applyConsumerCommand(ctx: SimContext, command: ConsumerLifecycleCommand): void {
  const { state } = ctx;
  switch (command.type) {
    case "addConsumer": {
      const spec = parsedSpec(command.consumer);
      // The topic's count now: addPartitions may have grown it since the scenario started.
      const partitionCount = topicPartitionCount(state, specTopics(spec)[0]!);
      const consumer = createConsumerState(spec, partitionCount, clientHostFor(state.consumers.size));
      state.consumers.set(spec.id, consumer);
      ctx.emit({ type: "consumerAdded", consumerId: spec.id, groupId: consumer.group?.groupId ?? null });
      ctx.at(0, { type: "startClient", clientId: spec.id });
      return;
    }
    case "closeConsumer":
      return closeConsumer(ctx, consumerOf(ctx, command));
    case "crashConsumer":
      return crashConsumer(ctx, consumerOf(ctx, command));
    case "restartConsumer": {
      const consumer = consumerOf(ctx, command);
      const spec = command.config ? reconfiguredSpec(consumer, command.config) : consumer.spec;
      if (consumer.status === "crashed" || consumer.status === "closed")
        return restartConsumerNow(ctx, consumer, spec);
      // Configs are fixed for a KafkaConsumer's life: close() this one, then start the new one.
      consumer.restartWith = spec;
      return closeConsumer(ctx, consumer);
    }
    case "pauseConsumer":
      return pauseConsumer(ctx, consumerOf(ctx, command));
    case "resumeConsumer":
      return resumeConsumer(ctx, consumerOf(ctx, command));
  }
}
