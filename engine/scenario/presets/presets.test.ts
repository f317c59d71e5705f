// Protects the preset lessons: every preset decodes, fits in a share link, shows each caption before
// the run ends, and its run through the engine really shows the moment the lesson teaches.
import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../../events";
import { javaPartitionForKey, utf8Key } from "../../producer/partitioner";
import { createSimulation, type Simulation } from "../../simulation";
import { ofType } from "../../test-support/group-scenarios";
import type { Scenario } from "../schema";
import { decodePreset, listPresets } from "./catalog";
import { PRESETS } from "./index";

interface Run {
  scenario: Scenario;
  sim: Simulation;
  events: DomainEvent[];
}

const runs = new Map<string, Run>();

/** Runs a preset to its durationMs (once per id), calling `sample` every `everyMs` on the way. */
function run(id: string, sample?: { everyMs: number; fn: (sim: Simulation) => void }): Run {
  const cached = runs.get(id);
  if (cached && !sample) return cached;
  const scenario = decodePreset(id)!;
  const events: DomainEvent[] = [];
  const sim = createSimulation(scenario, { checkInvariants: true, onEvent: (e) => void events.push(e) });
  if (sample) {
    for (let t = sample.everyMs; t <= scenario.durationMs; t += sample.everyMs) {
      sim.runUntil(t * 1000);
      sample.fn(sim);
    }
  }
  sim.runUntil(scenario.durationMs * 1000);
  const result = { scenario, sim, events };
  runs.set(id, result);
  return result;
}

const group = (r: Run, groupId: string) => r.sim.view().groups.find((g) => g.groupId === groupId)!;
const partitionsOf = (r: Run, consumerId: string) =>
  r.sim
    .view()
    .consumers.find((c) => c.id === consumerId)!
    .assignedPartitions.map((p) => `${p.topic}-${p.partition}`);

describe("every preset", () => {
  it("has a unique kebab-case id and a numbered title, numbers rising in list order", () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const numbers = PRESETS.map(({ id }) => {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const match = /^(\d+) · \S/.exec(decodePreset(id)!.title);
      expect(match, id).not.toBeNull();
      return Number(match![1]);
    });
    expect(numbers[0]).toBe(1);
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]!).toBeGreaterThan(numbers[i - 1]!);
  });

  it("decodes, has a lesson, and its share link is at most 2,000 characters", () => {
    for (const info of listPresets()) {
      const scenario = decodePreset(info.id)!;
      expect(scenario.lesson, info.id).toBeDefined();
      expect(info.shareLink.length, info.id).toBeLessThanOrEqual(2000);
    }
  });

  it.each(PRESETS.map((p) => p.id))(
    "%s: every caption's time or event is reached before durationMs",
    (id) => {
      const { scenario, events } = run(id);
      const lesson = scenario.lesson!;
      expect(lesson.learn.length).toBeGreaterThanOrEqual(2);
      expect(lesson.captions.some((c) => c.pause)).toBe(true);
      const endUs = scenario.durationMs * 1000;
      for (const caption of lesson.captions) {
        if (caption.atMs !== undefined) {
          expect(caption.atMs, caption.text).toBeLessThan(scenario.durationMs);
          continue;
        }
        const { type, nth } = caption.onEvent!;
        const matching = events.filter((e) => e.type === type);
        expect(matching.length, `${id}: ${type} #${nth}`).toBeGreaterThanOrEqual(nth);
        expect(matching[nth - 1]!.atUs).toBeLessThan(endUs);
      }
    },
  );
});

describe("the teaching moments", () => {
  it("2 keys-and-ordering: a key's records all sit on murmur2(key) % n, in order; the hot key's partition is the longest", () => {
    const r = run("keys-and-ordering");
    const partitions = r.scenario.cluster.topics[0]!.partitions;
    const offsetsByKey = new Map<string, number[]>();
    for (const e of ofType(r.events, "batchAppended")) {
      e.keys.forEach((key, i) => {
        expect(key).not.toBeNull();
        expect(e.partition).toBe(javaPartitionForKey(utf8Key(key!), partitions));
        offsetsByKey.set(key!, [...(offsetsByKey.get(key!) ?? []), e.baseOffset + i]);
      });
    }
    expect(offsetsByKey.size).toBe(7);
    for (const offsets of offsetsByKey.values()) {
      for (let i = 1; i < offsets.length; i++) expect(offsets[i]!).toBeGreaterThan(offsets[i - 1]!);
    }
    const logs = r.sim.view().topics[0]!.partitions;
    const longest = logs.reduce((a, b) => (b.logEndOffset > a.logEndOffset ? b : a));
    expect(longest.partition).toBe(javaPartitionForKey(utf8Key("hot"), partitions));
  });

  it("3 java-vs-librdkafka: the same key lands on different partitions with the two clients", () => {
    const r = run("java-vs-librdkafka");
    const byClient = new Map<string, Map<string, Set<number>>>();
    for (const e of ofType(r.events, "recordAccumulated")) {
      const keys = byClient.get(e.producerId) ?? new Map<string, Set<number>>();
      byClient.set(e.producerId, keys);
      keys.set(e.key!, (keys.get(e.key!) ?? new Set()).add(e.partition));
      expect(e.method).toBe(e.producerId === "java-app" ? "murmur2" : "crc32");
    }
    const java = byClient.get("java-app")!;
    const rdkafka = byClient.get("python-app")!;
    // Each client is consistent with itself…
    for (const sets of [java, rdkafka]) for (const set of sets.values()) expect(set.size).toBe(1);
    // …but not with the other.
    const differing = [...java.keys()].filter((k) => [...java.get(k)!][0] !== [...rdkafka.get(k)!][0]);
    expect(differing.length).toBeGreaterThan(0);
    expect(differing).toContain("alice");
  });

  it("4 batching: multi-record batches go when full or when linger.ms ends, and the sticky partition switches", () => {
    const r = run("batching");
    expect(ofType(r.events, "batchAppended").some((e) => e.recordCount > 1)).toBe(true);
    const reasons = new Set(ofType(r.events, "batchReady").map((e) => e.reason));
    expect(reasons).toContain("full");
    expect(reasons).toContain("lingerElapsed");
    const switches = ofType(r.events, "partitionerSwitched");
    expect(switches.length).toBeGreaterThan(1);
    expect(new Set(switches.map((e) => e.toPartition)).size).toBeGreaterThan(1);
    // Until the rate drops every batch leaves full: the record that closes a partition's batch and
    // completes the switch starts the next partition's batch, no straggler waits linger.ms alone.
    const beforeDrop = ofType(r.events, "batchAppended").filter((e) => e.atUs < 15_000_000);
    expect(new Set(beforeDrop.map((e) => e.recordCount))).toEqual(new Set([4]));
    const accumulated = ofType(r.events, "recordAccumulated");
    for (const s of switches) {
      const next = accumulated.find((e) => e.atUs >= s.atUs && r.events.indexOf(e) > r.events.indexOf(s))!;
      expect(next).toMatchObject({ partition: s.toPartition, newBatch: true });
    }
  });

  it("5 scaling-a-group: the group grows to 3 members of 2 partitions each and lag falls from its peak", () => {
    const lags: number[] = [];
    const r = run("scaling-a-group", {
      everyMs: 1000,
      fn: (sim) => {
        const billing = sim.view().groups.find((g) => g.groupId === "billing");
        lags.push(billing ? billing.lag.reduce((n, l) => n + (l.lag ?? 0), 0) : 0);
      },
    });
    const billing = group(r, "billing");
    expect(billing.members).toHaveLength(3);
    expect(billing.members.map((m) => m.assignedPartitions.length)).toEqual([2, 2, 2]);
    expect(ofType(r.events, "rebalanceCompleted").map((e) => e.assignment.length)).toEqual([1, 2, 3]);
    const peak = Math.max(...lags);
    expect(peak).toBeGreaterThan(50);
    expect(lags.at(-1)!).toBeLessThan(peak / 2);
  });

  it("6 idle-consumers: three members own one partition each, the other two own nothing", () => {
    const r = run("idle-consumers");
    const counts = group(r, "ledger")
      .members.map((m) => m.assignedPartitions.length)
      .sort();
    expect(counts).toEqual([0, 0, 1, 1, 1]);
    const idle = r.sim.view().consumers.filter((c) => c.assignedPartitions.length === 0);
    expect(idle).toHaveLength(2);
    for (const c of idle) {
      expect(partitionsOf(r, c.id)).toEqual([]);
      expect(c.polledRecords).toBe(0);
      expect(c.generationId).toBe(1);
    }
  });

  it("7 fourth-consumer-joins: one eager rebalance after the join, every member revokes everything, range gives 2/2/1/1", () => {
    const r = run("fourth-consumer-joins");
    const joinUs = ofType(r.events, "consumerAdded")[0]!.atUs;
    const before = ofType(r.events, "rebalanceCompleted")[0]!.assignment;
    const after = r.events.filter((e) => e.atUs >= joinUs);
    expect(ofType(after, "rebalanceCompleted")).toHaveLength(1);
    const revoked = ofType(after, "partitionsRevoked");
    expect(revoked.map((e) => e.consumerId).sort()).toEqual(["consumer-1", "consumer-2", "consumer-3"]);
    for (const e of revoked) {
      expect(e.protocol).toBe("EAGER");
      const owned = before.find((m) => m.clientId === e.consumerId)!.partitions;
      expect(e.partitions.map((p) => p.partition).sort()).toEqual(owned.map((p) => p.partition).sort());
    }
    expect(group(r, "orders-service").protocolName).toBe("range");
    expect(["consumer-1", "consumer-2", "consumer-3", "consumer-4"].map((id) => partitionsOf(r, id))).toEqual(
      [["orders-0", "orders-1"], ["orders-2", "orders-3"], ["orders-4"], ["orders-5"]],
    );
  });

  it("8 consumer-crash: the group notices one session.timeout.ms after the last heartbeat, while lag builds", () => {
    const samples: { atUs: number; lag: number }[] = [];
    const r = run("consumer-crash", {
      everyMs: 500,
      fn: (sim) => {
        const g = sim.view().groups[0];
        const lag = (g?.lag ?? [])
          .filter((l) => l.partition === 2 || l.partition === 3)
          .reduce((n, l) => n + (l.lag ?? 0), 0);
        samples.push({ atUs: sim.nowUs(), lag });
      },
    });
    const crashUs = ofType(r.events, "consumerCrashed")[0]!.atUs;
    const removed = ofType(r.events, "memberRemoved");
    expect(removed).toHaveLength(1);
    expect(removed[0]!.clientId).toBe("consumer-2");
    expect(removed[0]!.reason).toBe("sessionTimeout");
    const lastHeartbeatUs = ofType(r.events, "heartbeatSent")
      .filter((e) => e.consumerId === "consumer-2")
      .at(-1)!.atUs;
    expect(lastHeartbeatUs).toBeLessThan(crashUs);
    const sessionUs = 10_000_000;
    expect(removed[0]!.atUs - lastHeartbeatUs).toBeGreaterThanOrEqual(sessionUs);
    expect(removed[0]!.atUs).toBeLessThanOrEqual(crashUs + sessionUs);
    const rebalance = ofType(r.events, "rebalanceStarted").filter((e) => e.atUs > crashUs);
    expect(rebalance[0]!.atUs).toBe(removed[0]!.atUs);
    // The crashed member's partitions: nobody consumes them until the rebalance.
    const lagAt = (us: number) => samples.filter((s) => s.atUs <= us).at(-1)!.lag;
    expect(lagAt(removed[0]!.atUs)).toBeGreaterThan(lagAt(crashUs));
    expect(group(r, "orders-service").members.map((m) => m.assignedPartitions.length)).toEqual([3, 3]);
  });

  it("9 slow-consumer: past max.poll.interval.ms the member leaves (pollTimeout), rejoins, and leaves again", () => {
    const r = run("slow-consumer");
    const removed = ofType(r.events, "memberRemoved");
    expect(removed.filter((e) => e.reason === "pollTimeout" && e.clientId === "consumer-1").length).toBe(
      removed.length,
    );
    expect(removed.length).toBeGreaterThanOrEqual(2);
    expect(ofType(r.events, "leaveGroupSent").length).toBeGreaterThanOrEqual(2);
    const slowSinceUs = 12_000_000;
    const rebalances = ofType(r.events, "rebalanceCompleted").filter((e) => e.atUs > slowSinceUs);
    expect(rebalances.length).toBeGreaterThanOrEqual(3);
    // Some of them are consumer-1 rejoining after its poll() finally came.
    expect(
      ofType(r.events, "memberJoined").filter((e) => e.clientId === "consumer-1" && e.atUs > slowSinceUs)
        .length,
    ).toBeGreaterThanOrEqual(1);
  });

  it("10 static-membership: a restart within session.timeout.ms keeps the generation and the partitions", () => {
    const r = run("static-membership");
    const first = ofType(r.events, "rebalanceCompleted");
    expect(first).toHaveLength(1);
    expect(ofType(r.events, "rebalanceStarted")).toHaveLength(1);
    expect(ofType(r.events, "memberRemoved")).toHaveLength(0);
    const replaced = ofType(r.events, "staticMemberReplaced");
    expect(replaced).toHaveLength(1);
    expect(replaced[0]!.groupInstanceId).toBe("pod-2");
    expect(replaced[0]!.rebalance).toBe(false);
    expect(group(r, "orders-service").generationId).toBe(1);
    const before = first[0]!.assignment.find((m) => m.clientId === "consumer-2")!.partitions;
    expect(partitionsOf(r, "consumer-2")).toEqual(before.map((p) => `${p.topic}-${p.partition}`));
    const c2 = r.sim.view().consumers.find((c) => c.id === "consumer-2")!;
    expect(c2.generationId).toBe(1);
    expect(c2.activity).not.toBe("dead");
  });

  it("11 two-groups-one-topic: each group has its own committed offsets; the slow group's are behind", () => {
    const r = run("two-groups-one-topic");
    const committed = (groupId: string) =>
      new Map(group(r, groupId).committedOffsets.map((o) => [o.partition, o.offset]));
    const billing = committed("billing");
    const analytics = committed("analytics");
    expect(billing.size).toBe(3);
    expect(analytics.size).toBe(3);
    for (const [partition, offset] of billing) expect(offset).toBeGreaterThan(analytics.get(partition)!);
    // Both groups read every partition from offset 0.
    for (const id of ["billing-1", "analytics-1"]) {
      const polled = ofType(r.events, "recordsPolled").filter((e) => e.consumerId === id);
      for (const p of [0, 1, 2]) {
        expect(polled.flatMap((e) => e.ranges).find((x) => x.partition === p)!.fromOffset).toBe(0);
      }
    }
  });

  it("12 assign-vs-subscribe: the assign() consumer never joins the group, which also assigns its partition", () => {
    const r = run("assign-vs-subscribe");
    const groupEvents = r.events.filter(
      (e) => ("consumerId" in e || "clientId" in e) && (e as { groupId?: unknown }).groupId !== undefined,
    );
    expect(groupEvents.length).toBeGreaterThan(0);
    for (const e of groupEvents) {
      expect((e as { consumerId?: string }).consumerId ?? "").not.toBe("auditor");
      expect((e as { clientId?: string }).clientId ?? "").not.toBe("auditor");
    }
    for (const e of ofType(r.events, "rebalanceCompleted")) {
      expect(e.assignment.map((m) => m.clientId)).not.toContain("auditor");
      expect(e.assignment.flatMap((m) => m.partitions.map((p) => p.partition)).sort()).toEqual([0, 1, 2]);
    }
    const auditor = r.sim.view().consumers.find((c) => c.id === "auditor")!;
    expect(auditor.groupId).toBeNull();
    expect(auditor.memberId).toBeNull();
    // It kept reading partition 0 while the group rebalanced around it.
    const rebalanceUs = ofType(r.events, "rebalanceStarted").at(-1)!.atUs;
    const polled = ofType(r.events, "recordsPolled").filter((e) => e.consumerId === "auditor");
    expect(polled.every((e) => e.ranges.every((x) => x.partition === 0))).toBe(true);
    expect(polled.some((e) => e.atUs > rebalanceUs)).toBe(true);
  });

  it("13 commit-strategies: commit-before loses the unfinished batch, commit-after and auto-commit get records twice", () => {
    const r = run("commit-strategies");
    const crashUs = ofType(r.events, "consumerCrashed")[0]!.atUs;
    const tally = (consumerId: string) => {
      const delivered = new Map<number, number>();
      const processed = new Map<number, number>();
      let pending: number[] = [];
      let unfinishedAtCrash: number[] = [];
      for (const e of r.events) {
        if (e.type === "recordsPolled" && e.consumerId === consumerId) {
          pending = e.ranges.flatMap((x) =>
            Array.from({ length: x.toOffset - x.fromOffset }, (_, i) => x.fromOffset + i),
          );
          for (const o of pending) delivered.set(o, (delivered.get(o) ?? 0) + 1);
        } else if (e.type === "recordsProcessed" && e.consumerId === consumerId) {
          for (const o of pending) processed.set(o, (processed.get(o) ?? 0) + 1);
          pending = [];
        } else if (e.type === "consumerCrashed" && e.consumerId === consumerId) {
          unfinishedAtCrash = pending;
          pending = [];
        }
      }
      const groupId = `${consumerId}-g`;
      const committed = group(r, groupId).committedOffsets[0]!.offset;
      // Offsets the group committed past without processing them; the batch in hand at the end is not lost yet.
      const lost = Array.from({ length: committed }, (_, o) => o).filter(
        (o) => !processed.has(o) && !pending.includes(o),
      ).length;
      const redelivered = [...delivered.values()].filter((n) => n > 1).length;
      const processedTwice = [...processed.values()].filter((n) => n > 1).length;
      return { lost, redelivered, processedTwice, unfinishedAtCrash };
    };
    const before = tally("before");
    const after = tally("after");
    const auto = tally("auto");
    // Each crash hit a batch the application had not finished.
    for (const t of [before, after, auto]) expect(t.unfinishedAtCrash.length).toBeGreaterThan(0);
    expect(crashUs).toBe(15_000_000);
    // At-most-once: the unfinished batch was committed before processing, so it is skipped for good.
    expect(before.lost).toBe(before.unfinishedAtCrash.length);
    expect(before.redelivered).toBe(0);
    // At-least-once: nothing lost; the unfinished batch is delivered again.
    expect(after.lost).toBe(0);
    expect(after.redelivered).toBeGreaterThanOrEqual(after.unfinishedAtCrash.length);
    // Auto-commit: nothing lost; records processed since the last auto-commit are processed again.
    expect(auto.lost).toBe(0);
    expect(auto.processedTwice).toBeGreaterThan(0);
    // The counts the group lanes and the group inspector show (engine/delivery.ts) are this tally;
    // e2e/presets.spec.ts checks the browser shows these numbers.
    for (const [id, t] of [
      ["before", before],
      ["after", after],
      ["auto", auto],
    ] as const) {
      expect(r.sim.view().deliveries.find((d) => d.groupId === `${id}-g`)).toMatchObject({
        lost: t.lost,
        duplicated: t.redelivered,
        processedTwice: t.processedTwice,
      });
    }
    expect([before.lost, after.redelivered, auto.redelivered]).toEqual([4, 4, 13]);
  });

  it("14 assignors-compared: range gives one member all three partitions, roundrobin and sticky give two and one", () => {
    const r = run("assignors-compared");
    const counts = (groupId: string) =>
      group(r, groupId)
        .members.map((m) => m.assignedPartitions.length)
        .sort();
    expect(group(r, "range-g").protocolName).toBe("range");
    expect(counts("range-g")).toEqual([0, 3]);
    expect(group(r, "rr-g").protocolName).toBe("roundrobin");
    expect(counts("rr-g")).toEqual([1, 2]);
    expect(group(r, "sticky-g").protocolName).toBe("sticky");
    expect(counts("sticky-g")).toEqual([1, 2]);
  });

  it("15 adding-partitions: keys hash over 6 after the refresh, at least one key changes partition, and the group rebalances onto all six", () => {
    const r = run("adding-partitions");
    const added = ofType(r.events, "partitionsAdded");
    expect(added).toMatchObject([{ topic: "orders", from: 3, to: 6 }]);
    const atUs = added[0]!.atUs;
    const refreshUs = ofType(r.events, "metadataReceived").find(
      (e) => e.clientId === "shop" && e.atUs > atUs,
    )!.atUs;
    const keyed = ofType(r.events, "recordAccumulated").filter((e) => e.key !== null);
    const before = new Map(keyed.filter((e) => e.atUs < atUs).map((e) => [e.key!, e.partition]));
    const after = keyed.filter((e) => e.atUs >= refreshUs);
    for (const e of after) expect(e.partition).toBe(javaPartitionForKey(utf8Key(e.key!), 6));
    const moved = new Set(after.filter((e) => before.get(e.key!) !== e.partition).map((e) => e.key));
    expect([...moved].sort()).toEqual(["alice", "dave"]);
    const rebalances = ofType(r.events, "rebalanceCompleted").filter((e) => e.atUs > atUs);
    expect(rebalances).toHaveLength(1);
    expect(ofType(r.events, "joinGroupSent").find((e) => e.atUs > atUs)!.reason).toMatch(
      /cached metadata has changed/,
    );
    expect(partitionsOf(r, "consumer-1")).toEqual(["orders-0", "orders-1", "orders-2"]);
    expect(partitionsOf(r, "consumer-2")).toEqual(["orders-3", "orders-4", "orders-5"]);
  });

  it("17 rack-aware-consumers: zone-aware consumers get their zone's partitions and fetch only there; zone-blind gets range's blocks", () => {
    const r = run("rack-aware-consumers");
    const view = r.sim.view();
    const rackOf = new Map(view.brokers.map((b) => [b.id, b.rack]));
    expect(["aware-1", "aware-2", "aware-3"].map((id) => partitionsOf(r, id))).toEqual([
      ["orders-0", "orders-3"],
      ["orders-1", "orders-4"],
      ["orders-2", "orders-5"],
    ]);
    expect(["blind-1", "blind-2", "blind-3"].map((id) => partitionsOf(r, id))).toEqual([
      ["orders-0", "orders-1"],
      ["orders-2", "orders-3"],
      ["orders-4", "orders-5"],
    ]);
    const fetchesTo = (consumerId: string) =>
      new Set(
        ofType(r.events, "messageSent")
          .filter((e) => e.api === "FetchRequest" && e.from === consumerId)
          .map((e) => rackOf.get(Number(e.to.slice("broker-".length)))),
      );
    for (const [i, id] of ["aware-1", "aware-2", "aware-3"].entries()) {
      expect(fetchesTo(id)).toEqual(new Set([`az-${i + 1}`]));
    }
    expect(fetchesTo("blind-1").size).toBe(2);
  });

  it("16 fourth-consumer-joins-cooperative: two rebalances after the join, only the moved partition is revoked", () => {
    const r = run("fourth-consumer-joins-cooperative");
    const joinUs = ofType(r.events, "consumerAdded")[0]!.atUs;
    const before = ofType(r.events, "rebalanceCompleted")[0]!.assignment;
    const after = r.events.filter((e) => e.atUs >= joinUs);
    expect(ofType(after, "rebalanceCompleted")).toHaveLength(2);
    const revoked = ofType(after, "partitionsRevoked");
    expect(revoked).toHaveLength(1);
    expect(revoked[0]!.protocol).toBe("COOPERATIVE");
    expect(revoked[0]!.partitions).toHaveLength(1);
    const moved = revoked[0]!.partitions[0]!;
    expect(partitionsOf(r, "consumer-4")).toEqual([`${moved.topic}-${moved.partition}`]);
    let kept = 0;
    for (const m of before) {
      const now = partitionsOf(r, m.clientId);
      kept += m.partitions.filter((p) => now.includes(`${p.topic}-${p.partition}`)).length;
    }
    expect(kept).toBe(5);
  });
});
