// Protects "remove a group": DeleteGroups succeeds only on an Empty group (NON_EMPTY_GROUP
// otherwise, GROUP_ID_NOT_FOUND for an unknown one); the group and its committed offsets are gone,
// and a consumer that joins later with the same group.id starts a new group at generation 1.
import { describe, expect, it } from "vitest";
import { commandSchema } from "../commands";
import { createSimulation } from "../simulation";
import { groupScenario, ofType, recordEvents, runMs, subscribeSpec } from "../test-support/group-scenarios";

describe("deleteGroup", () => {
  it("is refused while the group has members, then deletes the Empty group and its offsets", () => {
    const { events, onEvent } = recordEvents();
    const sim = createSimulation(groupScenario({ consumers: 2 }), { checkInvariants: true, onEvent });
    runMs(sim, 15_000);
    const group = sim.view().groups.find((g) => g.groupId === "orders-service")!;
    expect(group.state).toBe("Stable");
    expect(group.committedOffsets.length).toBeGreaterThan(0);
    const hash = sim.eventLogHash();
    expect(() => sim.apply({ type: "deleteGroup", groupId: "orders-service" })).toThrow(
      "deleteGroup: NON_EMPTY_GROUP: The group is not empty.",
    );
    expect(() => sim.apply({ type: "deleteGroup", groupId: "nope" })).toThrow(
      "deleteGroup: GROUP_ID_NOT_FOUND: The group id does not exist.",
    );
    expect(sim.eventLogHash()).toBe(hash);

    sim.apply({ type: "closeConsumer", consumerId: "c1" });
    sim.apply({ type: "closeConsumer", consumerId: "c2" });
    runMs(sim, 1_000);
    expect(sim.view().groups.find((g) => g.groupId === "orders-service")!.state).toBe("Empty");
    sim.apply({ type: "deleteGroup", groupId: "orders-service" });
    expect(sim.view().groups.map((g) => g.groupId)).toEqual([]);
    const deleted = ofType(events, "groupDeleted")[0]!;
    expect(deleted.offsetsDeleted).toBe(group.committedOffsets.length);
    expect(ofType(events, "groupStateChanged").at(-1)).toMatchObject({ from: "Empty", to: "Dead" });

    // The same group.id later: a new group, generation 1, reading from auto.offset.reset (no offsets).
    sim.apply(commandSchema.parse({ type: "addConsumer", consumer: subscribeSpec("c3") }));
    runMs(sim, 5_000);
    const fresh = sim.view().groups.find((g) => g.groupId === "orders-service")!;
    expect(fresh.state).toBe("Stable");
    expect(fresh.generationId).toBe(1);
    const fetched = ofType(events, "offsetFetched").filter((e) => e.consumerId === "c3");
    expect(fetched.length).toBeGreaterThan(0);
  });
});
