// createSimulation(scenario): the deterministic discrete-event loop. One scheduler entry is one
// step; its handler may emit several DomainEvents. Same scenario + same commands at the same steps
// → the same event log, in Node and in the browser.

import { addPartitions, refreshMetadata, validateAddPartitions } from "./broker/add-partitions";
import { alterTopicConfig, validateAlterTopicConfig } from "./broker/alter-config";
import { expireParkedFetch } from "./broker/broker";
import { createPartitionLog } from "./broker/partition-log";
import { assignReplicas, brokerPlacements } from "./broker/replica-placement";
import { runRetentionCheck } from "./broker/retention";
import {
  LOG_RETENTION_CHECK_INTERVAL_MS,
  TOPIC_CONFIG_DEFAULTS,
  validateTopicConfig,
} from "./broker/topic-config";
import type { Command } from "./commands";
import { applyConsumerCommand, validateConsumerCommand } from "./consumer/apply-command";
import {
  clientHostFor,
  consumerStartMs,
  consumerWake,
  createConsumerState,
  fetchTimedOut,
  fireConsumerGroupTimer,
  isAssigned,
  seekConsumer,
  startConsumer,
} from "./consumer/consumer";
import { specTopics } from "./consumer/spec";
import { createContext, type SimContext } from "./context";
import { createDigest, digestHex } from "./core/digest";
import { CommandError, SimLimitError } from "./core/errors";
import { createNetworkState } from "./core/network";
import { createRandomStreams } from "./core/prng";
import { createSchedulerState, peek, pop, type Scheduled, schedule, wasCancelled } from "./core/scheduler";
import { msToUs, type SimTimeUs } from "./core/time";
import { createDeliveryState, recordDeliveries } from "./delivery";
import type { DomainEvent } from "./events";
import { isConsumerLifecycleCommand } from "./group/commands";
import { deleteGroup, validateDeleteGroup } from "./group/coordinator/delete";
import { fireCoordinatorTimer } from "./group/coordinator/membership";
import { createGroupCoordinatorState } from "./group/coordinator/types";
import { createProtocolHistoryState } from "./group/protocol-history";
import { isGroupTimer } from "./group/timers";
import { checkInvariants, createInvariantMemory } from "./invariants";
import { deliver } from "./message-delivery";
import { createMetricsState, type MetricsSample, maybeSampleMetrics } from "./metrics";
import { produceTimedOut } from "./producer/completion";
import {
  applyProducerLifecycle,
  isProducerLifecycleCommand,
  validateProducerLifecycle,
} from "./producer/lifecycle";
import {
  createProducerState,
  initProducerIdTimedOut,
  produceRecord,
  scheduleNextRecord,
  startProducer,
} from "./producer/producer";
import { restartProducer, validateProducerRestart } from "./producer/restart";
import { senderWake } from "./producer/sender";
import type { Scenario } from "./scenario/schema";
import { cloneState } from "./snapshot";
import { partitionKey, type SimState, type TimerPayload } from "./state";
import { buildView, type SimView, type ViewOptions } from "./view";

export interface SimulationOptions {
  /** Check invariants after every step (tests and development builds). */
  checkInvariants?: boolean;
  onEvent?: (event: DomainEvent) => void;
  /**
   * Count cancelled timers as no-op steps, as the engine did before timers could be cancelled:
   * for runs recorded then (version-1 share links), whose commands name the step they followed.
   */
  legacySteps?: boolean;
}

export interface Snapshot {
  readonly state: SimState;
}

export interface Simulation {
  readonly scenario: Scenario;
  apply(command: Command, source?: "user" | "script"): DomainEvent[];
  /** Processes exactly one scheduled event; returns the events it emitted (none when idle). */
  step(): DomainEvent[];
  /** Processes up to `maxSteps` scheduled events due at or before `timeUs`; returns how many. */
  runSteps(maxSteps: number, timeUs: number): number;
  /** Processes every event due at or before `timeUs`, then moves the clock to `timeUs`. */
  runUntil(timeUs: number): number;
  nowUs(): number;
  /** Steps taken so far. */
  stepCount(): number;
  /** What the next step will process: its time and the kind of scheduled entry (a timer or a delivery). */
  nextScheduled(): { atUs: number; kind: TimerPayload["type"] } | null;
  /** Moves the clock to `timeUs` without processing anything; no pending event may be earlier. */
  idleUntil(timeUs: number): void;
  view(options?: ViewOptions): SimView;
  /** The metrics sampled so far (operations charts). */
  metrics(): MetricsSample[];
  eventLogHash(): string;
  snapshot(): Snapshot;
  restore(snapshot: Snapshot): void;
}

function initialState(scenario: Scenario, legacySteps: boolean): SimState {
  const brokerIds = scenario.cluster.brokers.map((b) => b.id);
  const state: SimState = {
    scenario,
    nowUs: 0 as SimTimeUs,
    stepCount: 0,
    scheduler: createSchedulerState<TimerPayload>({ cancelledAreSteps: legacySteps }),
    network: createNetworkState(),
    random: createRandomStreams(scenario.seed).state(),
    brokers: new Map(brokerIds.map((id) => [id, { id, up: true, parkedFetches: [], nextParkedId: 1 }])),
    partitions: new Map(),
    producers: new Map(),
    consumers: new Map(),
    groupCoordinator: createGroupCoordinatorState(),
    digest: createDigest(),
    recentEvents: [],
    eventCount: 0,
    eventTypeCounts: {},
    metrics: createMetricsState(),
    delivery: createDeliveryState(),
    appliedCommands: [],
    // Arbitrary start for the cluster's producer id allocator, so ids do not read as counts.
    nextKafkaProducerId: 1000,
    addedProducers: [],
    protocolHistory: createProtocolHistoryState(),
  };
  const placement = brokerPlacements(scenario.cluster.brokers);
  let placed = 0;
  for (const topic of scenario.cluster.topics) {
    const resolved = validateTopicConfig(topic.config);
    const config = resolved.ok ? resolved.config : { ...TOPIC_CONFIG_DEFAULTS };
    // AdminUtils' placement, started where the previous topic stopped: leaders continue
    // round-robin over the brokers across topics.
    const replicas = assignReplicas(
      placement,
      topic.partitions,
      topic.replicationFactor,
      placed % placement.length,
    );
    placed += topic.partitions;
    for (let p = 0; p < topic.partitions; p++) {
      state.partitions.set(
        partitionKey(topic.name, p),
        createPartitionLog(topic.name, p, replicas[p]!, config),
      );
    }
  }
  for (const spec of scenario.producers) state.producers.set(spec.id, createProducerState(spec));
  scenario.consumers.forEach((spec, index) => {
    const count = scenario.cluster.topics.find((t) => t.name === specTopics(spec)[0])!.partitions;
    state.consumers.set(spec.id, createConsumerState(spec, count, clientHostFor(index)));
  });
  for (const id of state.producers.keys()) {
    schedule(state.scheduler, 0 as SimTimeUs, { type: "startClient", clientId: id });
  }
  for (const spec of scenario.consumers) {
    schedule(state.scheduler, msToUs(consumerStartMs(spec)), { type: "startClient", clientId: spec.id });
  }
  schedule(state.scheduler, msToUs(LOG_RETENTION_CHECK_INTERVAL_MS), { type: "retentionCheck" });
  scenario.actions.forEach((action, index) => {
    schedule(state.scheduler, msToUs(action.atMs), { type: "scriptedAction", index });
  });
  return state;
}

function fire(ctx: SimContext, payload: TimerPayload): void {
  const { state } = ctx;
  if (isGroupTimer(payload)) {
    fireCoordinatorTimer(ctx, payload);
    return fireConsumerGroupTimer(ctx, payload);
  }
  switch (payload.type) {
    case "deliver":
      return deliver(ctx, payload.messageId);
    case "startClient": {
      const producer = state.producers.get(payload.clientId);
      if (producer) return startProducer(ctx, producer);
      const consumer = state.consumers.get(payload.clientId);
      if (consumer) startConsumer(ctx, consumer);
      return;
    }
    case "produceRecord":
      return produceRecord(ctx, state.producers.get(payload.producerId)!, payload.epoch);
    case "senderWake":
      return senderWake(ctx, state.producers.get(payload.producerId)!);
    case "produceTimeout":
      return produceTimedOut(ctx, state.producers.get(payload.producerId)!, payload.requestId);
    case "initProducerIdTimeout":
      return initProducerIdTimedOut(ctx, state.producers.get(payload.producerId)!, payload.requestId);
    case "retentionCheck":
      runRetentionCheck(ctx);
      ctx.at(msToUs(LOG_RETENTION_CHECK_INTERVAL_MS), { type: "retentionCheck" });
      return;
    case "fetchWaitExpired": {
      const broker = state.brokers.get(payload.brokerId)!;
      if (broker.up) expireParkedFetch(ctx, broker, payload.parkedId);
      return;
    }
    case "fetchTimeout":
      return fetchTimedOut(ctx, state.consumers.get(payload.consumerId)!, payload.requestId);
    case "consumerWake":
      return consumerWake(ctx, state.consumers.get(payload.consumerId)!, payload.epoch);
    case "scriptedAction":
      applyCommand(ctx, state.scenario.actions[payload.index]!.command, "script");
      return;
    case "metadataRefresh":
      return refreshMetadata(ctx, payload.clientId);
    default: {
      const unreachable: never = payload;
      throw new Error(`unhandled timer ${JSON.stringify(unreachable)}`);
    }
  }
}

function applyCommand(ctx: SimContext, command: Command, source: "user" | "script"): void {
  const { state } = ctx;
  const producerOf = (id: string) => {
    const p = state.producers.get(id);
    if (!p) throw new CommandError(`${command.type}: no producer "${id}"`);
    return p;
  };
  const consumerOf = (id: string) => {
    const c = state.consumers.get(id);
    if (!c) throw new CommandError(`${command.type}: no consumer "${id}"`);
    return c;
  };
  const brokerOf = (id: number) => {
    const b = state.brokers.get(id);
    if (!b) throw new CommandError(`${command.type}: no broker ${id}`);
    return b;
  };
  // Validate before recording, so a rejected command leaves no trace in the run.
  if (isConsumerLifecycleCommand(command)) validateConsumerCommand(ctx, command);
  if (isProducerLifecycleCommand(command)) validateProducerLifecycle(state, command);
  switch (command.type) {
    case "setProducerRate":
    case "pauseProducer":
    case "resumeProducer": {
      const p = producerOf(command.producerId);
      if (p.status !== "running") throw new CommandError(`${command.type}: ${p.id} is ${p.status}`);
      break;
    }
    case "deleteGroup":
      validateDeleteGroup(state, command.groupId);
      break;
    case "alterTopicConfig":
      validateAlterTopicConfig(state, command.topic, command.config);
      break;
    case "setProcessingTime":
      consumerOf(command.consumerId);
      break;
    case "seekConsumer": {
      const c = consumerOf(command.consumerId);
      if (!isAssigned(c, command.topic, command.partition)) {
        throw new CommandError(`seekConsumer: ${c.id} is not assigned ${command.topic}-${command.partition}`);
      }
      break;
    }
    case "stopBroker":
    case "startBroker":
      brokerOf(command.brokerId);
      break;
    case "restartProducer":
      validateProducerRestart(state, command);
      break;
    case "addPartitions":
      validateAddPartitions(state, command.topic, command.count);
      break;
  }
  state.appliedCommands.push({ atUs: state.nowUs, source, command });
  ctx.emit({ type: "commandApplied", command, source });
  if (isConsumerLifecycleCommand(command)) return applyConsumerCommand(ctx, command);
  if (isProducerLifecycleCommand(command)) return applyProducerLifecycle(ctx, command);
  switch (command.type) {
    case "setProducerRate": {
      const p = producerOf(command.producerId);
      p.recordsPerSec = command.recordsPerSec;
      p.tickEpoch++;
      scheduleNextRecord(ctx, p);
      return;
    }
    case "pauseProducer": {
      const p = producerOf(command.producerId);
      p.paused = true;
      p.tickEpoch++;
      return;
    }
    case "resumeProducer": {
      const p = producerOf(command.producerId);
      if (!p.paused) return;
      p.paused = false;
      p.tickEpoch++;
      scheduleNextRecord(ctx, p);
      return;
    }
    case "setProcessingTime":
      consumerOf(command.consumerId).processingTimeMs = command.processingTimeMs;
      return;
    case "seekConsumer":
      return seekConsumer(
        ctx,
        consumerOf(command.consumerId),
        command.topic,
        command.partition,
        command.offset,
      );
    case "stopBroker": {
      const b = brokerOf(command.brokerId);
      if (!b.up) return;
      b.up = false;
      for (const fetch of b.parkedFetches) ctx.cancel(fetch.expirySeq);
      b.parkedFetches = [];
      ctx.emit({ type: "brokerStopped", brokerId: b.id });
      return;
    }
    case "startBroker": {
      const b = brokerOf(command.brokerId);
      if (b.up) return;
      b.up = true;
      ctx.emit({ type: "brokerStarted", brokerId: b.id });
      return;
    }
    case "restartProducer":
      return restartProducer(ctx, command);
    case "addPartitions":
      return addPartitions(ctx, command.topic, command.count);
    case "deleteGroup":
      return deleteGroup(ctx, command.groupId);
    case "alterTopicConfig":
      return alterTopicConfig(ctx, command.topic, command.config);
    default: {
      const unreachable: never = command;
      throw new CommandError(`unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Consecutive steps at one simulated instant before the run is declared stuck (a bug, not a load). */
const STEPS_AT_ONE_INSTANT_MAX = 1_000_000;

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  let state = initialState(scenario, options.legacySteps ?? false);
  let random = createRandomStreams(scenario.seed, state.random);
  let ctx = createContext(state, random, options.onEvent);
  const memory = createInvariantMemory();
  ctx.emit({ type: "simulationStarted", title: scenario.title, seed: scenario.seed });

  const afterStep = () => {
    maybeSampleMetrics(state);
    if (options.checkInvariants) checkInvariants(state, memory);
  };
  // A guard against an engine bug that would step forever without time advancing (the worker
  // would hang): past this many consecutive steps at one instant, the run stops with a message.
  let instantUs = -1;
  let stepsAtInstant = 0;
  const runStep = (next: Scheduled<TimerPayload>) => {
    if (next.atUs !== instantUs) {
      instantUs = next.atUs;
      stepsAtInstant = 0;
    } else if (++stepsAtInstant > STEPS_AT_ONE_INSTANT_MAX) {
      throw new SimLimitError(
        `the simulation made no progress: ${STEPS_AT_ONE_INSTANT_MAX} steps at ${next.atUs} µs (last: ${next.payload.type})`,
      );
    }
    state.nowUs = next.atUs;
    state.stepCount++;
    // A version-1 run's pointless timer: a step that does nothing (see SchedulerState).
    if (!wasCancelled(state.scheduler, next)) fire(ctx, next.payload);
    recordDeliveries(state, ctx.stepEvents);
    afterStep();
  };
  const sim: Simulation = {
    scenario,
    apply(command, source = "user") {
      ctx.stepEvents = [];
      applyCommand(ctx, command, source);
      recordDeliveries(state, ctx.stepEvents);
      afterStep();
      return ctx.stepEvents;
    },
    step() {
      const next = pop(state.scheduler);
      ctx.stepEvents = [];
      if (!next) return [];
      runStep(next);
      return ctx.stepEvents;
    },
    runSteps(maxSteps, timeUs) {
      // Nobody sees these steps' event lists: one array is reused instead of one per step.
      const scratch: DomainEvent[] = [];
      let steps = 0;
      for (let next = peek(state.scheduler); steps < maxSteps && next && next.atUs <= timeUs; steps++) {
        pop(state.scheduler);
        scratch.length = 0;
        ctx.stepEvents = scratch;
        runStep(next);
        next = peek(state.scheduler);
      }
      ctx.stepEvents = [];
      return steps;
    },
    runUntil(timeUs) {
      const steps = sim.runSteps(Number.POSITIVE_INFINITY, timeUs);
      if (timeUs > state.nowUs) state.nowUs = Math.floor(timeUs) as SimTimeUs;
      afterStep();
      return steps;
    },
    nowUs: () => state.nowUs,
    stepCount: () => state.stepCount,
    nextScheduled() {
      const next = peek(state.scheduler);
      return next ? { atUs: next.atUs, kind: next.payload.type } : null;
    },
    idleUntil(timeUs) {
      const next = peek(state.scheduler);
      if (next && next.atUs < timeUs) {
        throw new CommandError(`cannot idle to ${timeUs} µs: an event is pending at ${next.atUs} µs`);
      }
      if (timeUs > state.nowUs) state.nowUs = Math.floor(timeUs) as SimTimeUs;
    },
    view: (viewOptions) => buildView(state, viewOptions),
    metrics: () => structuredClone(state.metrics.samples),
    eventLogHash: () => digestHex(state.digest),
    snapshot() {
      state.random = random.state();
      return { state: cloneState(state) };
    },
    restore(snapshot) {
      state = cloneState(snapshot.state);
      random = createRandomStreams(scenario.seed, state.random);
      ctx = createContext(state, random, options.onEvent);
      memory.lastNowUs = state.nowUs;
      memory.logEndOffsets.clear();
    },
  };
  return sim;
}
