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
    await page.getByTestId("step").click();
    seen.push(...(await page.locator(".narration-item.is-step .narration-text").allTextContents()));
  }
  for (let i = 0; i < 200 && (await group.getAttribute("data-state")) !== "Stable"; i++) {
    await page.getByTestId("step").click();
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
