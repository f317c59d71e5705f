// Protects accessibility on the main views (normal, presenter, inspector open, dark, a lesson):
// axe-core reports no serious or critical violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(" ")} — ${v.help}`);
}

test("the main view has no serious accessibility violations", async ({ app }) => {
  await app.open();
  await app.page.evaluate(() => window.__topicscope!.advanceTo(3_000));
  expect(await seriousViolations(app.page)).toEqual([]);
});

test("presenter mode and the dark theme have none", async ({ app }) => {
  await app.open("/?presenter&theme=dark");
  await app.page.evaluate(() => window.__topicscope!.advanceTo(3_000));
  expect(await seriousViolations(app.page)).toEqual([]);
});

test("the inspector and a lesson have none", async ({ app }) => {
  await app.open("/#p=hello-kafka");
  const page = app.page;
  await page.evaluate(() => window.__topicscope!.advanceTo(3_000));
  await page.getByTestId("producer-producer-1").click();
  await expect(page.getByTestId("inspector")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a consumer group mid-rebalance, with its describe table open, has none", async ({ app }) => {
  await app.open();
  const page = app.page;
  const scenario = JSON.parse((await import("node:fs")).readFileSync("examples/rebalance.json", "utf8"));
  expect(await page.evaluate((s) => window.__topicscope!.load(s), scenario)).toEqual([]);
  await page.evaluate(() => window.__topicscope!.advanceTo(12_300));
  await page.getByTestId("group-orders-service").getByRole("button").first().click();
  await expect(page.getByTestId("inspector")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the scenario editor has none", async ({ app }) => {
  await app.open();
  const page = app.page;
  await page.getByTestId("share").click();
  await page.getByTestId("edit-scenario").click();
  await expect(page.getByTestId("editor")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a context menu, the Add dialog and the partition inspector have none", async ({ app }) => {
  await app.open();
  const page = app.page;
  await page.evaluate(() => window.__topicscope!.advanceTo(3_000));
  await page
    .getByTestId("partition-orders-0")
    .locator(".partition-button")
    .click({ position: { x: 20, y: 20 } });
  await expect(page.getByTestId("inspector")).toContainText("partition orders-0");
  await page.getByTestId("producer-producer-1").click({ button: "right" });
  await expect(page.getByTestId("context-menu")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await page.getByTestId("add").click();
  await page.getByTestId("add-menu").getByRole("button", { name: "Add a consumer group…" }).click();
  await expect(page.getByTestId("add-dialog")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
