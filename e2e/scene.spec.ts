// Protects the scene's legibility at scale: a 48-partition topic switches to the compact density
// and still draws every partition, with a consumer card that summarises what it cannot list; its
// logs are drawn on one canvas, and the record under the pointer still explains itself.
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

  // The cells are on the canvas: it has drawn them, and the row under it finds the record at the pointer.
  const canvas = page.getByTestId("compact-logs");
  await expect(canvas).toBeVisible();
  const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 200) n++;
    return n;
  });
  expect(painted).toBeGreaterThan(1000);
  // The first cell of clicks-0, in screen coordinates.
  const point = await page.getByTestId("partition-clicks-0").evaluate((row: SVGGElement) => {
    const bg = row.querySelector(".partition-bg") as SVGRectElement;
    const svgPoint = new DOMPoint(
      Number(row.dataset.logX) + 8,
      bg.y.baseVal.value + bg.height.baseVal.value / 2,
    );
    const screen = svgPoint.matrixTransform(row.ownerSVGElement!.getScreenCTM()!);
    return { x: screen.x, y: screen.y };
  });
  await page.mouse.move(point.x, point.y);
  await expect(page.getByTestId("key-card")).toContainText(/clicks-0 · offset \d+/);
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId("inspector")).toContainText(/Record at offset \d+ of clicks-0/);
});

test("with sixty consumers only the cards near the visible part of the stage are drawn; scrolling brings the rest", async ({
  app,
}) => {
  await app.open();
  const page = app.page;
  const consumers = Array.from({ length: 60 }, (_, i) => ({
    id: `reader-${i}`,
    mode: "assign",
    topic: "clicks",
    partitions: [i % 24],
    processingTimeMs: 1,
  }));
  const errors = await page.evaluate(
    (clients) =>
      window.__topicscope!.load({
        version: 1,
        title: "60 readers",
        network: { latencyMs: 20, jitterMs: 0.5 },
        seed: 5,
        cluster: { brokers: 3, topics: [{ name: "clicks", partitions: 24 }] },
        producers: [
          { id: "web", topic: "clicks", recordsPerSec: 2000, keys: { kind: "uniform", count: 50 } },
        ],
        consumers: clients,
      }),
    consumers,
  );
  expect(errors).toEqual([]);
  await page.evaluate(() => window.__topicscope!.advanceTo(1_000));
  await expect(page.getByTestId("consumer-reader-0")).toBeVisible();
  expect(await page.locator(".consumer").count()).toBeLessThan(60);
  await expect(page.getByTestId("consumer-reader-59")).toHaveCount(0);

  // Sixty consumers' fetches are more messages than labels can show: dots on a canvas, and a
  // click on one still opens its details.
  const dots = page.getByTestId("dense-messages");
  expect(Number(await dots.getAttribute("data-count"))).toBeGreaterThan(40);
  const dot = await dots.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    const box = c.getBoundingClientRect();
    for (let y = 0; y < c.height; y++)
      for (let x = 0; x < c.width; x++)
        if (data[(y * c.width + x) * 4 + 3] === 255)
          // The top of a dot: go a few pixels down, towards its centre.
          return { x: box.left + (x * box.width) / c.width, y: box.top + ((y + 4) * box.height) / c.height };
    return null;
  });
  expect(dot).not.toBeNull();
  await page.mouse.click(dot!.x, dot!.y);
  await expect(page.getByTestId("message-stats")).toContainText("in flight");
  await page.keyboard.press("Escape");

  await page.locator(".stage").evaluate((stage) => {
    stage.scrollTop = stage.scrollHeight;
  });
  await expect(page.getByTestId("consumer-reader-59")).toBeInViewport();
  await expect(page.getByTestId("consumer-reader-0")).toHaveCount(0);
});
