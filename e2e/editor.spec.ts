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

test("editing the cluster: racks on every broker or none, a replication factor up to the brokers", async ({
  app,
}) => {
  await app.open();
  const page = app.page;
  await page.getByTestId("share").click();
  await page.getByTestId("edit-scenario").click();
  const editor = page.getByTestId("editor");
  await expect(page.getByTestId("editor-brokers").locator(".editor-row")).toHaveCount(3);

  await page.getByTestId("editor-rack-0").fill("az-1");
  await page.getByTestId("editor-apply").click();
  await expect(page.getByTestId("editor-errors")).toContainText(
    "cluster.brokers: Not all brokers have rack information for replica rack aware assignment.",
  );
  await page.getByTestId("editor-rack-1").fill("az-2");
  await page.getByTestId("editor-rack-2").fill("az-3");
  await page.getByTestId("editor-rf-0").fill("4");
  await page.getByTestId("editor-apply").click();
  await expect(page.getByTestId("editor-errors")).toContainText(
    "cluster.topics[0].replicationFactor: Replication factor: 4 larger than available brokers: 3.",
  );
  await page.getByTestId("editor-rf-0").fill("2");
  await page.getByTestId("editor-apply").click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId("broker-1")).toContainText("Broker 1 · rack az-1");
  await expect(page.getByTestId("broker-1")).toContainText("follower of 1");
  // AdminUtils over brokers 1, 2, 3 (racks alternate): each partition on two racks, leader first.
  const replicas = await page
    .locator("[data-testid^=partition-orders-]")
    .evaluateAll((logs) => logs.map((l) => l.getAttribute("data-replicas")).sort());
  expect(replicas).toEqual(["1,2", "2,3", "3,1"]);
});
