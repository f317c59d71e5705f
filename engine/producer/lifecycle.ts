// Producers come and go while a run plays: addProducer creates a KafkaProducer from a spec (it
// fetches metadata, then produces), closeProducer calls close(): the workload stops, the
// accumulator closes so every queued batch is sendable at once, and the producer is gone when the
// last response has arrived (or the batches expired after delivery.timeout.ms).
import type { Command } from "../commands";
import type { SimContext } from "../context";
import { CommandError } from "../core/errors";
import type { SimState } from "../state";
import { createProducerState } from "./producer";
import { wakeSender } from "./sender";
import { producerSpecSchema } from "./spec";

type ProducerLifecycleCommand = Extract<Command, { type: "addProducer" | "closeProducer" }>;

export function isProducerLifecycleCommand(command: Command): command is ProducerLifecycleCommand {
  return command.type === "addProducer" || command.type === "closeProducer";
}

/** Throws the reason a command cannot apply; runs before the command is recorded. */
export function validateProducerLifecycle(state: SimState, command: ProducerLifecycleCommand): void {
  if (command.type === "closeProducer") {
    const producer = state.producers.get(command.producerId);
    if (!producer) throw new CommandError(`closeProducer: no producer "${command.producerId}"`);
    if (producer.status !== "running")
      throw new CommandError(`closeProducer: ${producer.id} is already ${producer.status}`);
    return;
  }
  // Commands applied straight to a Simulation may skip the schema: check (and fill defaults) here.
  const parsed = producerSpecSchema.safeParse(command.producer);
  if (!parsed.success) {
    throw new CommandError(
      `addProducer: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const spec = parsed.data;
  if (state.producers.has(spec.id) || state.consumers.has(spec.id)) {
    throw new CommandError(`addProducer: a client "${spec.id}" already exists`);
  }
  const topic = state.scenario.cluster.topics.find((t) => t.name === spec.topic);
  if (!topic) throw new CommandError(`addProducer: unknown topic "${spec.topic}" (not in cluster.topics)`);
}

export function applyProducerLifecycle(ctx: SimContext, command: ProducerLifecycleCommand): void {
  const { state } = ctx;
  if (command.type === "addProducer") {
    const spec = producerSpecSchema.parse(command.producer);
    state.addedProducers.push(spec);
    state.producers.set(spec.id, createProducerState(spec));
    ctx.emit({ type: "producerAdded", producerId: spec.id, topic: spec.topic });
    ctx.at(0, { type: "startClient", clientId: spec.id });
    return;
  }
  const producer = state.producers.get(command.producerId)!;
  producer.status = "closing";
  producer.paused = true;
  producer.tickEpoch++;
  let pendingRecords = 0;
  for (const deque of producer.deques.values())
    for (const batch of deque) pendingRecords += batch.records.length;
  ctx.emit({
    type: "producerClosing",
    producerId: producer.id,
    pendingRecords,
    inFlightRequests: producer.inFlight.size,
  });
  wakeSender(ctx, producer, state.nowUs);
}
