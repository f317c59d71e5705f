// Protects coordinator placement: a group lives on partition abs(groupId.hashCode()) % 50 of
// __consumer_offsets (Kafka's own vectors), whose leader the simulator places round-robin.
import { describe, expect, it } from "vitest";
import { coordinatorBrokerFor, offsetsPartitionFor, offsetsPartitionLeader } from "./placement";

describe("group coordinator placement", () => {
  it.each([
    ["my-group", 12],
    ["test-group", 12],
    ["group1", 40],
    ["console-consumer-12345", 6],
    ["orders-service", 17],
  ])("%s hashes to __consumer_offsets partition %i", (groupId, partition) => {
    expect(offsetsPartitionFor(groupId)).toBe(partition);
  });

  it("places __consumer_offsets leaders round-robin over brokers 1…N", () => {
    expect([0, 1, 2, 3, 4].map((p) => offsetsPartitionLeader(p, 3))).toEqual([1, 2, 3, 1, 2]);
    expect(coordinatorBrokerFor("orders-service", 3)).toBe(3);
  });
});
