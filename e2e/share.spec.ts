// Protects share links and scenario files end to end: a copied link opened in a fresh page yields
// the same event-log hash and playhead; broken links and invalid files get a clear message and the
// page keeps a working run.
import { expect, test } from "./fixtures";

test("a link copied mid-run reopens the identical run at the same moment", async ({ app, browser }) => {
  await app.open();
  const page = app.page;
  await page.evaluate(() => window.__topicscope!.advanceTo(1_200));
  expect(
    await page.evaluate(() =>
      window.__topicscope!.apply({ type: "pauseProducer", producerId: "producer-1" }),
    ),
  ).toBeNull();
  const original = await page.evaluate(() => window.__topicscope!.advanceTo(3_456));
  await page.getByTestId("share").click();
  await page.getByRole("button", { name: "Copy link to this moment" }).click();
  await expect(page.getByTestId("notice")).toContainText("t = 3.456 s");
  const url = page.url();
  expect(url).toContain("#s=");

  const fresh = await browser.newPage();
  const problems: string[] = [];
  fresh.on("pageerror", (e) => problems.push(e.message));
  fresh.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await fresh.goto(url);
  await expect(fresh.getByTestId("clock")).toContainText("t = 3.456 s");
  expect(await fresh.evaluate(() => window.__topicscope!.hash())).toBe(original.eventLogHash);
  expect(problems).toEqual([]);
  await fresh.close();
});

test("a broken link gets a message and the default scenario still runs", async ({ app }) => {
  await app.open("/#s=this-is-not-a-run&t=5");
  const page = app.page;
  await expect(page.getByTestId("notice")).toContainText("This link cannot be opened");
  await expect(page.getByTestId("partition-orders-0")).toBeVisible();
  await expect(page.getByTestId("play")).toBeEnabled();
});

test("importing an invalid scenario file keeps the current run; a valid one loads", async ({ app }) => {
  await app.open();
  const page = app.page;
  const before = await page.evaluate(() => window.__topicscope!.advanceTo(2_000));
  await page.getByTestId("share").click();
  await page.getByTestId("import-file").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"version": 1, "cluster": {"brokers": 0, "topics": []}}'),
  });
  await expect(page.getByTestId("notice")).toContainText(
    "broken.json is not a valid scenario: cluster.brokers",
  );
  expect(await page.evaluate(() => window.__topicscope!.hash())).toBe(before.eventLogHash);

  await page.getByTestId("share").click();
  await page.getByTestId("import-file").setInputFiles({
    name: "tiny.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify({
        version: 1,
        title: "Tiny",
        cluster: { brokers: 1, topics: [{ name: "t", partitions: 2 }] },
      }),
    ),
  });
  await expect(page.getByTestId("notice")).toContainText("Loaded tiny.json");
  await expect(page.getByTestId("partition-t-1")).toBeVisible();
});
