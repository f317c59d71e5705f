// Protects the `kafka-consumer-groups --describe` table against the engine's own numbers, for a
// group with lag: CURRENT-OFFSET is the committed offset, LOG-END-OFFSET the partition's high
// watermark, LAG their difference, and CONSUMER-ID / CLIENT-ID the partition's owner.
import { describe, expect, it } from "vitest";
import rebalance from "../../examples/rebalance.json";
import { createSimulation } from "../simulation";
import { decodeOrThrow } from "../test-support/scenarios";

describe("kafka-consumer-groups --describe", () => {
  it("equals the engine's committed offsets, high watermarks and owners for a lagging group", () => {
    // Slow processing so the group lags behind the producer.
    const scenario = decodeOrThrow({
      ...rebalance,
      consumers: rebalance.consumers.map((c) => ({ ...c, processingTimeMs: 400 })),
      actions: [],
    });
    const sim = createSimulation(scenario, { checkInvariants: true });
    sim.runUntil(30_000_000);
    const view = sim.view({ recordsPerPartition: 0 });
    const group = view.groups.find((g) => g.groupId === "orders-service")!;
    expect(group.state).toBe("Stable");
    const rows = group.describe.rows;
    expect(rows).toHaveLength(6);
    let totalLag = 0;
    for (const row of rows) {
      const partition = view.topics[0]!.partitions[Number(row.PARTITION)]!;
      const committed = group.committedOffsets.find((c) => c.partition === Number(row.PARTITION))!;
      expect(row.GROUP).toBe("orders-service");
      expect(row.TOPIC).toBe("orders");
      expect(row["CURRENT-OFFSET"]).toBe(String(committed.offset));
      expect(row["LOG-END-OFFSET"]).toBe(String(partition.highWatermark));
      expect(row.LAG).toBe(String(partition.highWatermark - committed.offset));
      totalLag += partition.highWatermark - committed.offset;
      const owner = view.consumers.find((c) =>
        c.assignedPartitions.some((tp) => tp.topic === row.TOPIC && tp.partition === Number(row.PARTITION)),
      )!;
      expect(row["CONSUMER-ID"]).toBe(owner.memberId);
      expect(row["CLIENT-ID"]).toBe(owner.id);
      expect(row.HOST).toBe(owner.clientHost);
    }
    expect(totalLag).toBeGreaterThan(10);
  });
});
