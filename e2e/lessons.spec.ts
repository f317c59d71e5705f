// Protects the lessons: a preset opens from its short link, captions appear in order and pause the
// run at the moment they describe, and the "try this" shows once every caption has been reached.
import { expect, test } from "./fixtures";

test("lesson 1 opens from its short link and pauses on its captions", async ({ app }) => {
  await app.open("/#p=hello-kafka");
  const page = app.page;
  await expect(page.getByText("1 · Hello Kafka", { exact: true })).toBeVisible();
  const caption = page.getByTestId("caption");
  await expect(caption).toContainText("Three brokers each lead one partition");
  await expect(page.getByTestId("lesson")).toContainText("You will learn");

  await page.getByTestId("speed").selectOption("1");
  await caption.getByRole("button", { name: "Continue ▶" }).click();
  await expect(caption).toContainText("The first record landed", { timeout: 15_000 });
  await expect(page.getByTestId("play")).toHaveText("▶ Play");
  const leo = async () => {
    let total = 0;
    for (const p of [0, 1, 2])
      total += Number(await page.getByTestId(`partition-orders-${p}`).getAttribute("data-leo"));
    return total;
  };
  expect(await leo()).toBe(1);

  await caption.getByRole("button", { name: "Continue ▶" }).click();
  await expect(caption).toContainText("poll() returned that record", { timeout: 15_000 });
  await page.evaluate(() => window.__topicscope!.advanceTo(7_000));
  await expect(caption).toContainText("Same key, same partition");
  await expect(page.getByTestId("try-this")).toContainText("linger.ms");
});

test("the lessons menu lists the presets and opens one", async ({ app }) => {
  await app.open();
  const page = app.page;
  await page.getByTestId("lessons").click();
  await page.getByTestId("lessons-menu").getByRole("button", { name: "1 · Hello Kafka" }).click();
  await expect(page.getByTestId("caption")).toContainText("Three brokers");
  expect(page.url()).toContain("#p=hello-kafka");
});

test("an unknown lesson id gets a message and the default scenario", async ({ app }) => {
  await app.open("/#p=no-such-lesson");
  await expect(app.page.getByTestId("notice")).toContainText('there is no preset lesson "no-such-lesson"');
  await expect(app.page.getByTestId("partition-orders-0")).toBeVisible();
});
