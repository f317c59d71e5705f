// Kafka producer configs cannot change on a live KafkaProducer: the application closes it and
// creates a new one. `restartProducer` models exactly that: the new config is validated as Kafka
// validates it (a bad value is rejected with Kafka's ConfigException text and nothing changes),
// then the old instance is replaced by a fresh client that fetches metadata and, if idempotent,
// gets a new producer id. Batches the old instance had not sent are dropped with it (as
// close(Duration.ZERO) would fail them); counters carry over so the scene stays readable.
import type { Command } from "../commands";
import type { SimContext } from "../context";
import { CommandError } from "../core/errors";
import type { SimState } from "../state";
import { validateProducerConfig } from "./config";
import { createProducerState, startProducer } from "./producer";
import { type ProducerSpec, producerSpecOf } from "./spec";

type RestartCommand = Extract<Command, { type: "restartProducer" }>;

function specOf(state: SimState, producerId: string): ProducerSpec {
  const spec = producerSpecOf(state, producerId);
  if (!spec || !state.producers.has(producerId))
    throw new CommandError(`restartProducer: no producer "${producerId}"`);
  if (state.producers.get(producerId)!.status !== "running")
    throw new CommandError(`restartProducer: ${producerId} is ${state.producers.get(producerId)!.status}`);
  return spec;
}

/** Throws Kafka's configuration error when the new config is invalid. */
export function validateProducerRestart(state: SimState, command: RestartCommand): void {
  const spec = specOf(state, command.producerId);
  const result = validateProducerConfig(command.config, spec.client);
  if (!result.ok) {
    throw new CommandError(result.issues.map((issue) => `${issue.key}: ${issue.message}`).join("; "));
  }
}

export function restartProducer(ctx: SimContext, command: RestartCommand): void {
  const { state } = ctx;
  const spec = specOf(state, command.producerId);
  const old = state.producers.get(command.producerId)!;
  const fresh = createProducerState({ ...spec, config: command.config } as ProducerSpec);
  // Ids keep counting so responses addressed to the old instance can never match the new one.
  fresh.nextRequestId = old.nextRequestId;
  fresh.nextBatchId = old.nextBatchId;
  fresh.tickEpoch = old.tickEpoch + 1;
  fresh.recordCounter = old.recordCounter;
  fresh.recordsPerSec = old.recordsPerSec;
  fresh.paused = old.paused;
  fresh.counters = { ...old.counters };
  state.producers.set(command.producerId, fresh);
  // The old instance's requests can no longer time out into anything.
  for (const request of old.inFlight.values()) ctx.cancel(request.timeoutSeq);
  const changed = Object.keys(fresh.config).filter(
    (key) =>
      JSON.stringify(fresh.config[key as keyof typeof fresh.config]) !==
      JSON.stringify(old.config[key as keyof typeof old.config]),
  );
  ctx.emit({ type: "producerRestarted", producerId: command.producerId, changedConfigs: changed });
  startProducer(ctx, fresh);
}
