// Protects the timeline in the browser: scrubbing back and stepping back land on exactly the state
// of a straight run (same event-log hash), from the mouse and from the keyboard.
import { expect, test } from "./fixtures";

test("scrubbing back and forward reproduces the straight run exactly", async ({ app }) => {
  await app.open();
  const page = app.page;
  const straight = await page.evaluate(() => window.__topicscope!.advanceTo(6_000));
  await page.getByTestId("scrubber").fill("2000000");
  await expect(page.getByTestId("clock")).toContainText("t = 2.000 s");
  await page.getByTestId("scrubber").fill("4500000");
  await expect(page.getByTestId("clock")).toContainText("t = 4.500 s");
  const again = await page.evaluate(() => window.__topicscope!.advanceTo(6_000));
  expect(again.eventLogHash).toBe(straight.eventLogHash);
  expect(again.stepCount).toBe(straight.stepCount);
});

test("step back undoes exactly one step, from the button and the ← key", async ({ app }) => {
  await app.open();
  const page = app.page;
  await page.evaluate(() => window.__topicscope!.advanceTo(1_500));
  const start = await app.stepCount();
  await page.getByTestId("step").click();
  await page.getByTestId("step").click();
  await expect(page.getByTestId("step-count")).toHaveText(`step ${start + 2}`);
  await page.getByTestId("step-back").click();
  await expect(page.getByTestId("step-count")).toHaveText(`step ${start + 1}`);
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("step-count")).toHaveText(`step ${start}`);
});
