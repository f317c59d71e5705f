// Protects every preset lesson in the browser: it opens from its short link, runs to its end in
// the worker with no console error, reaches all its captions (so "try this" shows), and shows its
// teaching moment in the scene.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const groupAttr = (page: Page, name: string) =>
  page
    .locator("[data-testid^=group-]")
    .evaluateAll((lanes, attr) => lanes.map((l) => l.getAttribute(attr)), name);

/** What a lesson must show at its end, read from the scene as a student would see it. */
const MOMENTS: Record<string, (page: Page) => Promise<void>> = {
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
  expect(presets.length).toBeGreaterThanOrEqual(14);
  for (const { id, title } of presets) {
    await test.step(id, async () => {
      await page.goto(`/#p=${id}`);
      await expect(page.getByText(title, { exact: true })).toBeVisible();
      await expect(page.getByTestId("caption")).toBeVisible();
      const durationMs = await page.evaluate(() => window.__topicscope!.durationMs());
      await page.evaluate((ms) => window.__topicscope!.advanceTo(ms), durationMs);
      await expect(page.getByTestId("clock")).toContainText(`t = ${(durationMs / 1000).toFixed(3)} s`);
      await expect(page.getByTestId("try-this")).toBeVisible();
      await MOMENTS[id]?.(page);
    });
  }
});
