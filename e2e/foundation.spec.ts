// Protects the foundation end to end in the production build: the worker starts, the scene draws
// the partitions, play moves offsets, step advances exactly one event, the browser worker computes
// the same event-log hash as Node, and a failing worker shows a restart instead of a blank page.
import { readFileSync } from "node:fs";
import { decodeScenario } from "../engine/scenario/decode";
import { createSimulation } from "../engine/simulation";
import { expect, test } from "./fixtures";

test("the worker starts and the scene shows every partition of the topic", async ({ app }) => {
  await app.open();
  const page = app.page;
  for (const p of [0, 1, 2]) await expect(page.getByTestId(`partition-orders-${p}`)).toBeVisible();
  await expect(page.getByTestId("producer-producer-1")).toBeVisible();
  await expect(page.getByTestId("consumer-consumer-1")).toBeVisible();
  await expect(page.getByRole("button", { name: "▶ Play" })).toBeEnabled();
});

test("play advances offsets and pause stops them", async ({ app }) => {
  await app.open();
  const page = app.page;
  await page.getByTestId("speed").selectOption("2");
  await page.getByTestId("play").click();
  await expect
    .poll(
      async () => {
        let total = 0;
        for (const p of [0, 1, 2])
          total += Number(await page.getByTestId(`partition-orders-${p}`).getAttribute("data-leo"));
        return total;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(6);
  await page.getByTestId("play").click();
  await expect(page.getByRole("button", { name: "▶ Play" })).toBeVisible();
  const paused = await app.stepCount();
  await page.waitForTimeout(500);
  expect(await app.stepCount()).toBe(paused);
});

test("step advances exactly one event, from the button and from the keyboard", async ({ app }) => {
  await app.open();
  const page = app.page;
  await page.evaluate(() => window.__topicscope!.advanceTo(1_000));
  const before = await app.stepCount();
  await page.getByTestId("step").click();
  await expect(page.getByTestId("step-count")).toHaveText(`step ${before + 1}`);
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("step-count")).toHaveText(`step ${before + 2}`);
  await expect(page.locator(".narration-item.is-step").first()).toBeVisible();
});

test("the browser worker computes the same event-log hash as Node", async ({ app }) => {
  const decoded = decodeScenario(JSON.parse(readFileSync("examples/hello.json", "utf8")));
  if (!decoded.ok) throw new Error(decoded.errors.join("\n"));
  const node = createSimulation(decoded.scenario);
  node.runUntil(4_000_000);
  await app.open();
  const browser = await app.page.evaluate(() => window.__topicscope!.advanceTo(4_000));
  expect(browser.stepCount).toBe(node.stepCount());
  expect(browser.eventLogHash).toBe(node.eventLogHash());
});

test("a failing worker shows a message and restarts the same run", async ({ app }) => {
  await app.open();
  const page = app.page;
  const { eventLogHash } = await page.evaluate(() => window.__topicscope!.advanceTo(2_000));
  await page.evaluate(() => window.__topicscope!.breakEngine());
  await expect(page.getByTestId("engine-error")).toBeVisible();
  await expect(page.getByTestId("scene")).toBeVisible();
  await page.getByRole("button", { name: "Restart from where it stopped" }).click();
  await expect(page.getByTestId("engine-error")).toBeHidden();
  expect(await page.evaluate(() => window.__topicscope!.hash())).toBe(eventLogHash);
});

test("hovering a record explains its key's partition for each client type", async ({ app }) => {
  await app.open();
  const page = app.page;
  await page.evaluate(() => window.__topicscope!.advanceTo(3_000));
  const cell = page.getByTestId("partition-orders-0").locator(".record-cell").first();
  await cell.hover();
  const card = page.getByTestId("key-card");
  await expect(card).toBeVisible();
  // The hello producer is a Java client with the default partitioner: the card's Java line must
  // name the partition the record actually sits in.
  await expect(card.locator("tr").first()).toContainText("partition 0");
  await expect(card).toContainText("librdkafka");
  await page.mouse.move(5, 5);
  await expect(card).toBeHidden();
});

test("narration filters by protocol step, and clicking an entry seeks the run there", async ({ app }) => {
  await app.open();
  const page = app.page;
  await page.evaluate(() => window.__topicscope!.advanceTo(4_000));
  const narration = page.getByTestId("narration");
  await page.getByRole("button", { name: "Produce", exact: true }).click();
  await expect(narration.locator(".narration-item").first()).toBeVisible();
  for (const cls of await narration
    .locator(".narration-item")
    .evaluateAll((items) => items.map((i) => i.className))) {
    expect(cls).toContain("kind-produce");
  }
  const entry = narration.locator(".narration-seek").nth(2);
  const time = (await entry.locator(".narration-time").textContent())!.trim();
  await entry.click();
  await expect(page.getByTestId("clock")).toContainText(`t = ${time}`);
});
