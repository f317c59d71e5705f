// Protects every preset lesson in the browser: it opens from its short link, runs to its end in
// the worker with no console error, reaches all its captions (so "try this" shows), and shows its
// teaching moment in the scene.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { decodeScenarioText } from "../engine/scenario/decode";
import { createSimulation } from "../engine/simulation";
import { expect, test } from "./fixtures";

const groupAttr = (page: Page, name: string) =>
  page
    .locator("[data-testid^=group-]")
    .evaluateAll((lanes, attr) => lanes.map((l) => l.getAttribute(attr)), name);

interface Cell {
  partition: number;
  offset: number;
  key: string;
  producer: string;
}

/** The record cells the scene draws for a topic: partition, offset, key and producer of each. */
const cellsOf = (page: Page, topic: string) =>
  page.locator(`[data-testid^=partition-${topic}-] .record-cell`).evaluateAll(
    (cells, prefix) =>
      cells.map((cell) => ({
        partition: Number(
          cell.closest("[data-testid^=partition-]")!.getAttribute("data-testid")!.slice(prefix.length),
        ),
        offset: Number(cell.getAttribute("data-offset")),
        key: cell.getAttribute("data-key")!,
        producer: cell.getAttribute("data-producer")!,
      })),
    `partition-${topic}-`,
  ) as Promise<Cell[]>;

/** key → the partitions its cells sit on. */
function partitionsByKey(cells: Cell[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const c of cells) out.set(c.key, (out.get(c.key) ?? new Set()).add(c.partition));
  return out;
}

/** The partition the key card names for a client's row ("Java …" or "librdkafka consistent_random"). */
async function keyCardPartition(page: Page, row: RegExp): Promise<number> {
  const text = await page.getByTestId("key-card").locator("tr", { hasText: row }).innerText();
  return Number(/partition (\d+)/.exec(text)![1]);
}

/** Lost and duplicated records per group at the end of a preset file, computed by the engine in Node. */
function deliveriesThroughEngine(file: string) {
  const decoded = decodeScenarioText(readFileSync(`engine/scenario/presets/${file}`, "utf8"));
  if (!decoded.ok) throw new Error(decoded.errors.join("; "));
  const scenario = decoded.scenario;
  const sim = createSimulation(scenario);
  sim.runUntil(scenario.durationMs * 1000);
  return sim.view().deliveries;
}

/** The partitions a consumer's card lists. */
const cardPartitions = async (page: Page, consumerId: string) =>
  (await page.getByTestId(`consumer-${consumerId}`).locator("text").allTextContents())
    .map((t) => t.trim())
    .filter((t) => /^orders-\d+$/.test(t));

/** What a lesson must show at its end, read from the scene as a student would see it. */
const MOMENTS: Record<string, (page: Page) => Promise<void>> = {
  "rack-aware-consumers": async (page) => {
    for (const n of [1, 2, 3]) {
      // Each zone-aware consumer reads the two partitions led by the broker in its own zone…
      await expect(page.getByTestId(`broker-${n}`)).toContainText(`Broker ${n} · rack az-${n}`);
      const own = [`orders-${n - 1}`, `orders-${n + 2}`];
      expect(await cardPartitions(page, `aware-${n}`)).toEqual(own);
      for (const name of own) {
        await expect(page.getByTestId(`broker-${n}`).getByTestId(`partition-${name}`)).toHaveCount(1);
      }
    }
    // …while the zone-blind group gets range's blocks.
    expect(await cardPartitions(page, "blind-1")).toEqual(["orders-0", "orders-1"]);
    expect(await cardPartitions(page, "blind-3")).toEqual(["orders-4", "orders-5"]);
  },
  "keys-and-ordering": async (page) => {
    const cells = await cellsOf(page, "clicks");
    const byKey = partitionsByKey(cells);
    expect(byKey.size).toBeGreaterThanOrEqual(5);
    // Same key, same partition.
    for (const [key, partitions] of byKey) expect([...partitions], key).toHaveLength(1);
    // The hot key's partition is the longest log, far ahead of every other one.
    const hot = [...byKey.get("hot")!][0]!;
    const leo = async (p: number) =>
      Number(await page.getByTestId(`partition-clicks-${p}`).getAttribute("data-leo"));
    for (const p of [0, 1, 2, 3].filter((p) => p !== hot)) {
      expect(await leo(hot)).toBeGreaterThan(1.5 * (await leo(p)));
    }
    // Within the partition the cells are in offset order, and the key card explains the choice.
    const hotCells = cells.filter((c) => c.partition === hot);
    expect(hotCells.map((c) => c.offset)).toEqual([...hotCells.map((c) => c.offset)].sort((a, b) => a - b));
    await page.locator(`[data-testid=partition-clicks-${hot}] .record-cell[data-key="hot"]`).last().hover();
    expect(await keyCardPartition(page, /^Java/)).toBe(hot);
  },
  "java-vs-librdkafka": async (page) => {
    const cells = await cellsOf(page, "orders");
    const java = partitionsByKey(cells.filter((c) => c.producer === "java-app"));
    const rdkafka = partitionsByKey(cells.filter((c) => c.producer === "python-app"));
    expect([...java.keys()].sort()).toEqual(["alice", "bob", "carol", "dave"]);
    expect([...rdkafka.keys()].sort()).toEqual(["alice", "bob", "carol", "dave"]);
    // Each client is consistent with itself…
    for (const sets of [java, rdkafka]) for (const set of sets.values()) expect(set.size).toBe(1);
    // …but alice lands on partition 1 from the Java client (murmur2) and 3 from librdkafka (CRC32).
    expect([...java.get("alice")!]).toEqual([1]);
    expect([...rdkafka.get("alice")!]).toEqual([3]);
    await page
      .locator('[data-testid^=partition-orders-] .record-cell[data-key="alice"][data-producer="java-app"]')
      .last()
      .hover();
    expect(await keyCardPartition(page, /^Java/)).toBe(1);
    expect(await keyCardPartition(page, /consistent_random/)).toBe(3);
  },
  batching: async (page) => {
    const narration = page.getByTestId("narration");
    await page.getByRole("button", { name: "Produce", exact: true }).click();
    // At the end the rate is low: batches leave when linger.ms ends, with one or two records.
    await expect(narration).toContainText(
      /tracker's batch for events-\d is ready to send: linger\.ms elapsed after 1000\.0 ms/,
    );
    await expect(narration).toContainText(/appended [12] records? to events-\d/);
    await expect(narration).not.toContainText(/appended [3-9] records/);
    // At 8 records a second the first batch filled batch.size with four 200-byte records and left
    // at once, half-way through linger.ms; a fifth record would not have fit.
    await page.evaluate(() => window.__topicscope!.seek(730));
    await expect(narration).toContainText(
      /tracker's batch for events-0 is ready to send: it is full after 500\.0 ms/,
    );
    await expect(narration).toContainText("appended 4 records to events-0 at offsets 0–3");
    await expect(page.getByTestId("producer-tracker")).toContainText("batch.size=1024");
  },
  "commit-strategies": async (page) => {
    const engine = deliveriesThroughEngine("13-commit-strategies.json");
    const expected = (groupId: string) => engine.find((d) => d.groupId === groupId)!;
    // At-most-once loses the batch it was processing; at-least-once and auto-commit get duplicates.
    expect(expected("before-g")).toMatchObject({ lost: 4, duplicated: 0 });
    expect(expected("after-g")).toMatchObject({ lost: 0, duplicated: 4 });
    expect(expected("auto-g")).toMatchObject({ lost: 0, duplicated: 13 });
    for (const groupId of ["before-g", "after-g", "auto-g"]) {
      const { duplicated } = expected(groupId);
      const lost = expected(groupId).lost ?? 0;
      const shown = page.getByTestId(`delivery-${groupId}`);
      await expect(shown).toHaveAttribute("data-lost", String(lost));
      await expect(shown).toHaveAttribute("data-duplicated", String(duplicated));
      if (duplicated > 0) await expect(shown).toContainText(`${duplicated} duplicated`);
      if (lost > 0) await expect(shown).toContainText(`${lost} lost`);
    }
    await page
      .getByTestId("group-before-g")
      .getByRole("button", { name: /group before-g/ })
      .click();
    const row = page.getByTestId("delivery-table-before-g").locator("tbody tr");
    await expect(row).toHaveAttribute("data-lost", "4");
    await expect(row).toContainText("payments-0");
  },
  "idle-consumers": async (page) => {
    await expect(
      page.locator("[data-testid^=consumer-]", { hasText: "idle: no partition assigned" }),
    ).toHaveCount(2);
  },
  "fourth-consumer-joins": async (page) => {
    expect(await groupAttr(page, "data-generation")).toEqual(["2"]);
    await expect(page.locator("[data-testid^=consumer-] .client-bg")).toHaveCount(4);
  },
  "fourth-consumer-joins-cooperative": async (page) => {
    expect(Number((await groupAttr(page, "data-generation"))[0])).toBeGreaterThanOrEqual(3);
  },
  "static-membership": async (page) => {
    expect(await groupAttr(page, "data-generation")).toEqual(["1"]);
  },
  "two-groups-one-topic": async (page) => {
    expect(await groupAttr(page, "data-state")).toEqual(["Stable", "Stable"]);
  },
  "hello-kafka": async (page) => {
    // Records landed on all three partitions and the consumer read them.
    for (const p of [0, 1, 2]) {
      expect(
        Number(await page.getByTestId(`partition-orders-${p}`).getAttribute("data-leo")),
      ).toBeGreaterThan(0);
    }
  },
  "scaling-a-group": async (page) => {
    expect(await groupAttr(page, "data-generation")).toEqual(["3"]);
    await expect(page.locator("[data-testid^=consumer-] .client-bg")).toHaveCount(3);
  },
  "slow-consumer": async (page) => {
    // One jump to the end: the timeline holds the latest removal for a poll timeout, at least.
    expect(
      await page.locator('[data-testid=timeline-marker][title*="removed from"]').count(),
    ).toBeGreaterThanOrEqual(1);
    expect(Number((await groupAttr(page, "data-generation"))[0])).toBeGreaterThanOrEqual(3);
  },
  "assign-vs-subscribe": async (page) => {
    await expect(page.locator("[data-testid^=consumer-]", { hasText: "assign()" })).toHaveCount(1);
    await expect(page.locator("[data-testid^=group-]")).toHaveCount(1);
  },
  "assignors-compared": async (page) => {
    await expect(page.locator("[data-testid^=group-]")).toHaveCount(3);
  },
  "adding-partitions": async (page) => {
    expect(Number((await groupAttr(page, "data-generation"))[0])).toBeGreaterThanOrEqual(2);
    await expect(page.locator('[data-testid=timeline-marker][title*="addPartitions"]')).toHaveCount(1);
  },
  "consumer-crash": async (page) => {
    await expect(page.locator("[data-activity=dead]")).toHaveCount(1);
    expect(await groupAttr(page, "data-state")).toEqual(["Stable"]);
  },
};

test("every preset opens from its short link, runs to its end and shows its teaching moment", async ({
  app,
}) => {
  test.setTimeout(180_000);
  await app.open();
  const page = app.page;
  const presets = await page.evaluate(() => window.__topicscope!.presets());
  expect(presets.length).toBeGreaterThanOrEqual(17);
  // Every preset has its moment: a new lesson needs one before this test passes.
  expect(Object.keys(MOMENTS).sort()).toEqual(presets.map((p) => p.id).sort());
  for (const { id, title } of presets) {
    await test.step(id, async () => {
      await page.goto(`/#p=${id}`);
      await expect(page.getByText(title, { exact: true })).toBeVisible();
      await expect(page.getByTestId("caption")).toBeVisible();
      const durationMs = await page.evaluate(() => window.__topicscope!.durationMs());
      await page.evaluate((ms) => window.__topicscope!.advanceTo(ms), durationMs);
      await expect(page.getByTestId("clock")).toContainText(`t = ${(durationMs / 1000).toFixed(3)} s`);
      await expect(page.getByTestId("try-this")).toBeVisible();
      await MOMENTS[id]!(page);
    });
  }
});
