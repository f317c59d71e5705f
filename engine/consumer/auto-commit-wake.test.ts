// Protects liveness when an auto-commit is due while the group's coordinator is unknown (its
// broker stopped and came back): the blocked poll() used to wake at the same instant forever, so
// the run never advanced. It now waits retry.backoff.ms between attempts, and time goes on.
import { describe, expect, it } from "vitest";
import { classroomScenario } from "../../scripts/bench/scenarios";
import { commandSchema } from "../commands";
import { createSimulation } from "../simulation";
import { decodeOrThrow } from "../test-support/scenarios";

describe("a blocked poll with an auto-commit due and no coordinator", () => {
  it("lets simulated time advance (stop broker 1 at 20 s, start it at 40 s, run to 70 s)", () => {
    const sim = createSimulation(decodeOrThrow(classroomScenario().scenario), { checkInvariants: false });
    sim.runUntil(20_000_000);
    sim.apply(commandSchema.parse({ type: "stopBroker", brokerId: 1 }));
    sim.runUntil(40_000_000);
    sim.apply(commandSchema.parse({ type: "startBroker", brokerId: 1 }));
    // A bounded loop, so the old behaviour fails here instead of hanging the suite.
    let steps = 0;
    while (sim.nowUs() < 70_000_000 && steps < 2_000_000) {
      if (sim.step().length === 0 && sim.nextScheduled() === null) break;
      steps++;
    }
    expect(sim.nowUs()).toBeGreaterThanOrEqual(70_000_000);
    expect(sim.view().groups[0]!.state).toBe("Stable");
  });
});
