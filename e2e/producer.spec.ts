// Protects the producer inspector: configs shown with Kafka's names and defaults, a bad value gets
// Kafka's own error and changes nothing, a good one restarts the client with it; by keyboard too.
import { expect, test } from "./fixtures";

test("editing a producer config: Kafka's error for acks=2, a restart for a valid linger.ms", async ({
  app,
}) => {
  await app.open();
  const page = app.page;
  await page.evaluate(() => window.__topicscope!.advanceTo(1_000));
  await page.getByTestId("producer-producer-1").focus();
  await page.keyboard.press("Enter");
  const inspector = page.getByTestId("inspector");
  await expect(inspector).toBeVisible();
  await expect(page.getByTestId("config-batch.size")).toHaveValue("16384");
  await expect(page.getByTestId("config-enable.idempotence")).toHaveValue("true");
  await expect(page.getByTestId("compression-note")).toContainText("approximation");

  const hash = await page.evaluate(() => window.__topicscope!.hash());
  await page.getByTestId("config-acks").fill("2");
  await inspector.getByRole("button", { name: /Restart producer/ }).click();
  await expect(page.getByTestId("config-error")).toContainText(
    "Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1",
  );
  expect(await page.evaluate(() => window.__topicscope!.hash())).toBe(hash);

  await page.getByTestId("config-acks").fill("all");
  await page.getByTestId("config-linger.ms").fill("40");
  await inspector.getByRole("button", { name: /Restart producer/ }).click();
  await expect(page.getByTestId("config-error")).toBeHidden();
  await expect(page.getByTestId("narration")).toContainText("restarted with new linger.ms");
  await expect(page.getByTestId("config-linger.ms")).toHaveValue("40");
  await inspector.getByRole("button", { name: "Close inspector" }).click();
  await expect(inspector).toBeHidden();
});
