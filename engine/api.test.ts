// Protects the worker API's promises: bad input never replaces the current run, and seeking
// backwards (replaying the run's inputs) lands on exactly the state of a straight run.
import { describe, expect, it } from "vitest";
import helloJson from "../examples/hello.json";
import { createEngineApi } from "./api";

describe("engine api", () => {
  it("keeps the current run when a malformed scenario is loaded", () => {
    const api = createEngineApi({ checkInvariants: true });
    expect(api.load(helloJson).ok).toBe(true);
    api.advanceTo(2_000_000);
    const before = api.view().eventLogHash;
    const result = api.load({ version: 1, cluster: { brokers: 0, topics: [] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join("\n")).toContain("cluster.brokers");
    expect(api.view().eventLogHash).toBe(before);
  });

  it("rejects a malformed command with a message and leaves the run untouched", () => {
    const api = createEngineApi({ checkInvariants: true });
    api.load(helloJson);
    const before = api.view().eventLogHash;
    const result = api.apply({ type: "setProducerRate", producerId: "producer-1", recordsPerSec: -5 });
    expect(result.ok).toBe(false);
    expect(api.apply({ type: "crashEverything" }).ok).toBe(false);
    expect(api.view().eventLogHash).toBe(before);
  });

  it("seeks backwards to the same state a straight run reaches, commands included", () => {
    const api = createEngineApi({ checkInvariants: true });
    api.load(helloJson);
    api.advanceTo(1_500_000);
    for (let i = 0; i < 5; i++) api.step();
    api.apply({ type: "setProducerRate", producerId: "producer-1", recordsPerSec: 20 });
    api.advanceTo(3_000_000);
    api.apply({ type: "setProcessingTime", consumerId: "consumer-1", processingTimeMs: 5 });
    api.advanceTo(6_000_000);
    const straight = api.view().eventLogHash;
    api.seek(1_000_000);
    expect(api.view().nowUs).toBe(1_000_000);
    expect(api.seek(6_000_000).eventLogHash).toBe(straight);
    api.seek(2_000_000);
    expect(api.seek(6_000_000).eventLogHash).toBe(straight);
  });

  it("re-creates a run from its exported record", () => {
    const api = createEngineApi({ checkInvariants: true });
    api.load(helloJson);
    api.advanceTo(1_000_000);
    api.apply({ type: "pauseProducer", producerId: "producer-1" });
    api.advanceTo(4_000_000);
    const hash = api.view().eventLogHash;
    const other = createEngineApi({ checkInvariants: true });
    const restored = other.importRun(api.exportRun()!, 4_000_000);
    expect(restored.ok && restored.view.eventLogHash).toBe(hash);
  });
});

describe("engine api timeline", () => {
  it("forks when a command is applied in the past: the old future is dropped", () => {
    const api = createEngineApi({ checkInvariants: true });
    api.load(helloJson);
    api.advanceTo(1_000_000);
    api.apply({ type: "pauseProducer", producerId: "producer-1" });
    api.advanceTo(3_000_000);
    api.seek(500_000);
    api.apply({ type: "setProducerRate", producerId: "producer-1", recordsPerSec: 10 });
    api.advanceTo(3_000_000);
    expect(api.exportRun()!.commands.map((c) => c.command.type)).toEqual(["setProducerRate"]);
    expect(api.view().producers[0]!.paused).toBe(false);
  });
});
