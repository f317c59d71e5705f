// Protects the scenario editor: an impossible edit is refused with the field named and the current
// run kept; a valid one restarts the run with the edited cluster.
import { expect, test } from "./fixtures";

test("editing the scenario: a bad value names its field, a good one restarts the run with it", async ({
  app,
}) => {
  await app.open();
  const page = app.page;
  const before = await page.evaluate(() => window.__topicscope!.advanceTo(2_000));
  await page.getByTestId("share").click();
  await page.getByTestId("edit-scenario").click();
  const editor = page.getByTestId("editor");
  await expect(editor).toBeVisible();
  await expect(page.getByTestId("editor-partitions-0")).toHaveValue("3");

  await page.getByTestId("editor-partitions-0").fill("0");
  await page.getByTestId("editor-apply").click();
  await expect(page.getByTestId("editor-errors")).toContainText("cluster.topics[0].partitions");
  expect(await page.evaluate(() => window.__topicscope!.hash())).toBe(before.eventLogHash);

  await page.getByTestId("editor-partitions-0").fill("5");
  await page.getByTestId("editor-title").fill("Hello, five partitions");
  await page.getByTestId("editor-apply").click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId("notice")).toContainText("Scenario applied");
  await expect(page.getByTestId("partition-orders-4")).toBeVisible();
  await expect(page.getByText("Hello, five partitions", { exact: true })).toBeVisible();
});
