// Protects the scene's legibility at scale: a 48-partition topic switches to the compact density
// and still draws every partition, with a consumer card that summarises what it cannot list.
import { expect, test } from "./fixtures";

test("a 48-partition topic is drawn compactly, every partition present", async ({ app }) => {
  await app.open();
  const page = app.page;
  const errors = await page.evaluate(() =>
    window.__topicscope!.load({
      version: 1,
      title: "48 partitions",
      seed: 3,
      cluster: { brokers: 3, topics: [{ name: "clicks", partitions: 48 }] },
      producers: [{ id: "web", topic: "clicks", recordsPerSec: 400, keys: { kind: "uniform", count: 200 } }],
      consumers: [{ id: "analytics", mode: "assign", topic: "clicks", processingTimeMs: 3 }],
    }),
  );
  expect(errors).toEqual([]);
  await page.evaluate(() => window.__topicscope!.advanceTo(2_000));
  await expect(page.locator(".partition.density-compact")).toHaveCount(48);
  await expect(page.getByTestId("consumer-analytics")).toContainText("+36 more");
});
