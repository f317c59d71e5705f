// Protects the rebalance step-through: loading the "4th consumer joins" scenario, stepping one
// event at a time walks through each classic-protocol message (JoinGroup, SyncGroup) as its own
// narrated step, the group badge explains its state, and the group ends Stable in generation 2.
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

const scenario = JSON.parse(readFileSync("examples/rebalance.json", "utf8"));

test("stepping through an eager rebalance shows each protocol message as its own step", async ({ app }) => {
  await app.open();
  const page = app.page;
  expect(await page.evaluate((s) => window.__topicscope!.load(s), scenario)).toEqual([]);
  await page.evaluate(() => window.__topicscope!.advanceTo(12_100));
  const group = page.getByTestId("group-orders-service");
  await expect(group).toHaveAttribute("data-state", "Stable");
  await expect(group).toHaveAttribute("data-generation", "1");
  await expect(group.locator("title")).toContainText("Stable: every member has its assignment");

  const seen: string[] = [];
  for (let i = 0; i < 400 && (await group.getAttribute("data-generation")) !== "2"; i++) {
    await app.stepOnce();
    seen.push(...(await page.locator(".narration-item.is-step .narration-text").allTextContents()));
  }
  for (let i = 0; i < 200 && (await group.getAttribute("data-state")) !== "Stable"; i++) {
    await app.stepOnce();
    seen.push(...(await page.locator(".narration-item.is-step .narration-text").allTextContents()));
  }
  const text = seen.join("\n");
  expect(text).toContain("REBALANCE_IN_PROGRESS");
  expect(text).toMatch(/revoked .* \(eager: everything, before rejoining\)/);
  expect(text).toMatch(/sent JoinGroup/);
  expect(text).toMatch(/joined generation 2 of orders-service as the leader/);
  expect(text).toMatch(/sent SyncGroup/);
  await expect(group).toHaveAttribute("data-state", "Stable");
  await expect(group).toHaveAttribute("data-generation", "2");
  await expect(page.getByTestId("consumer-consumer-4")).toBeVisible();
});

test("crash a member from the scene: the group rebalances one session timeout later; describe shows the table", async ({
  app,
}) => {
  await app.open();
  const page = app.page;
  expect(await page.evaluate((s) => window.__topicscope!.load(s), scenario)).toEqual([]);
  await page.evaluate(() => window.__topicscope!.advanceTo(9_000));
  await page.getByTestId("consumer-consumer-2").click();
  const inspector = page.getByTestId("inspector");
  await inspector.getByRole("button", { name: "Crash" }).click();
  await expect(page.getByTestId("consumer-consumer-2")).toHaveAttribute("data-activity", "dead");
  const group = page.getByTestId("group-orders-service");
  // session.timeout.ms is 45 s after the last heartbeat (at most heartbeat.interval.ms = 3 s before
  // the crash): still generation 1 at 49 s, a new generation once the others rejoin.
  await page.evaluate(() => window.__topicscope!.advanceTo(49_000));
  await expect(group).toHaveAttribute("data-generation", "1");
  await page.evaluate(() => window.__topicscope!.advanceTo(60_000));
  await expect(group).toHaveAttribute("data-generation", "2");
  // The timeline marks the crash (an intervention and a crash) and the rebalance it caused.
  await expect(page.locator('[data-testid=timeline-marker][title*="consumer-2 crashed"]')).toHaveCount(1);
  const rebalance = page.locator('[data-testid=timeline-marker][title*="rebalance starts"]').last();
  await rebalance.click();
  await expect(group).toHaveAttribute("data-state", "PreparingRebalance");
  await page.evaluate(() => window.__topicscope!.advanceTo(60_000));

  await group.getByRole("button", { name: /group orders-service/ }).focus();
  await page.keyboard.press("Enter");
  await expect(inspector).toContainText("kafka-consumer-groups --describe --group orders-service");
  await expect(page.getByTestId("describe-table")).toContainText("LOG-END-OFFSET");
  await inspector.getByTestId("add-consumer").click();
  await expect(page.getByTestId("consumer-consumer-4")).toBeVisible();
});

test("step to the next protocol message and the next state change", async ({ app }) => {
  await app.open();
  const page = app.page;
  expect(await page.evaluate((s) => window.__topicscope!.load(s), scenario)).toEqual([]);
  await page.evaluate(() => window.__topicscope!.advanceTo(12_000));
  await page.getByTestId("step-state").click();
  await expect(page.locator(".narration-item.is-step").first()).toContainText(
    /starts a rebalance|Stable → PreparingRebalance/,
  );
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("n");
  await expect(page.locator(".narration-item.is-step").first()).toContainText(
    /JoinGroup|OffsetCommit|REBALANCE_IN_PROGRESS|SyncGroup/,
  );
});

test("the charts tab draws lag (per group and per partition), throughput and rebalances over time", async ({
  app,
}) => {
  await app.open();
  const page = app.page;
  expect(await page.evaluate((s) => window.__topicscope!.load(s), scenario)).toEqual([]);
  await page.evaluate(() => window.__topicscope!.advanceTo(20_000));
  await page.getByTestId("charts-tab").click();
  for (const id of [
    "chart-lag",
    "chart-time-lag",
    "chart-partition-lag",
    "chart-rebalances",
    "chart-rebalance-ms",
    "chart-throughput",
  ]) {
    await expect(page.getByTestId(id).locator("path.chart-line").first()).toHaveAttribute("d", /M.+L/);
  }
  await expect(page.getByTestId("chart-lag")).toContainText("orders-service");
  // One line per partition of the group, named as the tool names them.
  await expect(page.getByTestId("chart-partition-lag")).toContainText("orders-5");
});
