// Protects the kernel's invariants under arbitrary user behaviour: random command sequences
// interleaved with time never break offsets, positions, time order or in-flight limits. A failure
// prints fast-check's seed and path, which replay it exactly.
import fc from "fast-check";
import { describe, it } from "vitest";
import { type CommandInput, commandSchema } from "./commands";
import { CommandError } from "./core/errors";
import { createSimulation } from "./simulation";
import { groupScenario } from "./test-support/group-scenarios";
import { busyScenario, decodeOrThrow } from "./test-support/scenarios";

const commandArb: fc.Arbitrary<CommandInput> = fc.oneof(
  fc.record({
    type: fc.constant("setProducerRate" as const),
    producerId: fc.constantFrom("p1", "p2"),
    recordsPerSec: fc.integer({ min: 0, max: 2000 }),
  }),
  fc.record({ type: fc.constant("pauseProducer" as const), producerId: fc.constantFrom("p1", "p2") }),
  fc.record({ type: fc.constant("resumeProducer" as const), producerId: fc.constantFrom("p1", "p2") }),
  fc.record({ type: fc.constant("stopBroker" as const), brokerId: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ type: fc.constant("startBroker" as const), brokerId: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    type: fc.constant("setProcessingTime" as const),
    consumerId: fc.constantFrom("c1", "c2"),
    processingTimeMs: fc.integer({ min: 0, max: 50 }),
  }),
  fc.record({
    type: fc.constant("seekConsumer" as const),
    consumerId: fc.constant("c1"),
    topic: fc.constant("events"),
    partition: fc.integer({ min: 0, max: 2 }),
    offset: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({ type: fc.constant("closeProducer" as const), producerId: fc.constantFrom("p1", "p2", "p3") }),
  fc.record({
    type: fc.constant("addProducer" as const),
    producer: fc.record({
      id: fc.constant("p3"),
      topic: fc.constant("events"),
      recordsPerSec: fc.integer({ min: 0, max: 500 }),
      config: fc.record({ "linger.ms": fc.integer({ min: 0, max: 2_000 }) }),
    }),
  }),
);

/** Applies the command, or skips it when the run refuses it now (pausing a closed producer, adding one twice). */
function applyIfValid(sim: ReturnType<typeof createSimulation>, command: CommandInput): void {
  try {
    sim.apply(commandSchema.parse(command));
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
  }
}

const stepArb = fc.oneof(
  fc.record({ kind: fc.constant("command" as const), command: commandArb }),
  fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("step" as const), n: fc.integer({ min: 1, max: 50 }) }),
);

describe("kernel invariants under random command sequences", () => {
  it("hold after every step", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(stepArb, { maxLength: 25 }), (seed, steps) => {
        const sim = createSimulation(busyScenario(seed), { checkInvariants: true });
        for (const step of steps) {
          if (step.kind === "command") {
            // A seek past the high watermark is out of range for Kafka too; skip those.
            if (step.command.type === "seekConsumer") {
              const hw = sim.view().topics[0]!.partitions[step.command.partition]!.highWatermark;
              if (step.command.offset > hw) continue;
            }
            applyIfValid(sim, step.command);
          } else if (step.kind === "advance") {
            sim.runUntil(sim.nowUs() + step.ms * 1000);
          } else {
            for (let i = 0; i < step.n; i++) sim.step();
          }
        }
      }),
      { numRuns: 60, verbose: 1 },
    );
  });

  it("replays identically: the same inputs give the same hash", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 300 }), commandArb), { maxLength: 8 }),
        (seed, script) => {
          const run = () => {
            const sim = createSimulation(busyScenario(seed));
            for (const [ms, command] of script) {
              sim.runUntil(sim.nowUs() + ms * 1000);
              if (command.type !== "seekConsumer") applyIfValid(sim, command);
            }
            return sim.eventLogHash();
          };
          const first = run();
          const second = run();
          return first === second;
        },
      ),
      { numRuns: 25 },
    );
  });

  it("hold for consumer groups under add/close/crash/restart (one owner per partition in a Stable generation; committed ≤ HW)", () => {
    const consumerId = fc.constantFrom("c1", "c2", "c3", "c4");
    const groupCommandArb = fc.oneof(
      fc.record({
        type: fc.constant("addConsumer" as const),
        consumer: fc.record({
          id: fc.constantFrom("c4", "c5"),
          mode: fc.constant("subscribe" as const),
          groupId: fc.constant("orders-service"),
          topics: fc.constant(["orders"]),
          config: fc.record({
            "partition.assignment.strategy": fc.constantFrom(["range"], ["cooperative-sticky"]),
            "session.timeout.ms": fc.constant(10_000),
          }),
        }),
      }),
      fc.record({ type: fc.constant("closeConsumer" as const), consumerId }),
      fc.record({ type: fc.constant("crashConsumer" as const), consumerId }),
      fc.record({ type: fc.constant("restartConsumer" as const), consumerId }),
      fc.record({ type: fc.constant("deleteGroup" as const), groupId: fc.constant("orders-service") }),
      fc.record({
        type: fc.constant("setProcessingTime" as const),
        consumerId,
        processingTimeMs: fc.integer({ min: 0, max: 40 }),
      }),
    );
    const groupStepArb = fc.oneof(
      fc.record({ kind: fc.constant("command" as const), command: groupCommandArb }),
      fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 1, max: 8_000 }) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(["range", "cooperative-sticky"], ["cooperative-sticky"], ["sticky"]),
        fc.array(groupStepArb, { maxLength: 12 }),
        // Format v2: brokers in racks (or not), replicas, and consumers with client.rack.
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        (seed, strategy, steps, racks, replicationFactor) => {
          const plain = groupScenario({
            seed,
            config: { "partition.assignment.strategy": strategy, "session.timeout.ms": 10_000 },
          });
          const scenario = decodeOrThrow({
            ...plain,
            cluster: {
              ...plain.cluster,
              brokers: plain.cluster.brokers.map((b) => (racks ? { id: b.id, rack: `az-${b.id}` } : b)),
              topics: plain.cluster.topics.map((t) => ({ ...t, replicationFactor })),
            },
            consumers: plain.consumers.map((c, i) => ({
              ...c,
              config: { ...c.config, "client.rack": `az-${(i % 3) + 1}` },
            })),
          });
          const sim = createSimulation(scenario, { checkInvariants: true });
          for (const step of steps) {
            if (step.kind === "advance") {
              sim.runUntil(sim.nowUs() + step.ms * 1000);
              continue;
            }
            try {
              sim.apply(commandSchema.parse(step.command));
            } catch (error) {
              // Commands that do not apply now (closing a crashed consumer, adding one twice) are refused.
              if (!(error instanceof CommandError)) throw error;
            }
          }
          sim.runUntil(sim.nowUs() + 30_000_000);
        },
      ),
      { numRuns: 30, verbose: 1 },
    );
  });
});
