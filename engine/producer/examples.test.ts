// Protects the producer and retention example scenarios: they decode, run with every invariant
// checked, and show what their descriptions promise.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { DomainEvent } from "../events";
import { decodeScenarioText } from "../scenario/decode";
import { createSimulation } from "../simulation";

async function runExample(name: string, untilMs: number) {
  const decoded = decodeScenarioText(await readFile(`examples/${name}`, "utf8"));
  if (!decoded.ok) throw new Error(decoded.errors.join("\n"));
  const events: DomainEvent[] = [];
  const sim = createSimulation(decoded.scenario, {
    checkInvariants: true,
    onEvent: (e) => void events.push(e),
  });
  sim.runUntil(untilMs * 1000);
  return { sim, events };
}

describe("examples", () => {
  it("batching.json: keyed records hash, keyless ones stick and switch", async () => {
    const { events } = await runExample("batching.json", 3000);
    const accumulated = events.filter((e) => e.type === "recordAccumulated");
    expect(accumulated.filter((e) => e.producerId === "keyed").every((e) => e.method === "murmur2")).toBe(
      true,
    );
    expect(accumulated.filter((e) => e.producerId === "keyless").every((e) => e.method === "sticky")).toBe(
      true,
    );
    expect(events.some((e) => e.type === "partitionerSwitched" && e.producerId === "keyless")).toBe(true);
  });

  it("retention.json: the five-minute check deletes whole segments", async () => {
    const { sim, events } = await runExample("retention.json", 301_000);
    expect(events.filter((e) => e.type === "segmentsDeleted").length).toBe(2);
    for (const p of sim.view().topics[0]!.partitions)
      expect(p.logStartOffset).toBe(p.segments[0]!.baseOffset);
  });
});
