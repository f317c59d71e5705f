// Protects direct manipulation of the scene: context menus (right click, and Shift+F10 from the
// keyboard) on consumers, producers, groups, brokers and partitions; adding a producer, a consumer
// group and partitions from the Add menu and the scene's background menu; closing a producer and
// deleting an emptied group; the broker, partition and message inspectors; zoom. Each action is
// checked in the scene as a student would see it, and refusals keep the run as it was.
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

const scenario = JSON.parse(readFileSync("examples/rebalance.json", "utf8"));

test.beforeEach(async ({ app }) => {
  await app.open();
  expect(await app.page.evaluate((s) => window.__topicscope!.load(s), scenario)).toEqual([]);
  await app.page.evaluate(() => window.__topicscope!.advanceTo(9_000));
});

test("a consumer's context menu crashes it (mouse) and a producer's pauses it (keyboard only)", async ({
  app,
}) => {
  const page = app.page;
  await page.getByTestId("consumer-consumer-2").click({ button: "right" });
  const menu = page.getByTestId("context-menu");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Restart" })).toBeDisabled();
  await menu.getByRole("menuitem", { name: "Crash (no LeaveGroup)" }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByTestId("consumer-consumer-2")).toHaveAttribute("data-activity", "dead");

  // Keyboard: focus the producer, Shift+F10 opens its menu with the first item focused.
  await page.getByTestId("producer-producer-1").focus();
  await page.keyboard.press("Shift+F10");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Details" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Pause producing" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toBeHidden();
  await expect(page.getByTestId("producer-producer-1")).toContainText("paused");
  // Focus came back to the producer; Esc closes a menu and also returns focus.
  await expect(page.getByTestId("producer-producer-1")).toBeFocused();
  await page.keyboard.press("Shift+F10");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(page.getByTestId("producer-producer-1")).toBeFocused();
});

test("add a producer from the Add menu, then close it: it sends what it queued and leaves the scene", async ({
  app,
}) => {
  const page = app.page;
  await page.getByTestId("add").click();
  await page.getByTestId("add-menu").getByRole("button", { name: "Add a producer…" }).click();
  const dialog = page.getByTestId("add-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("add-id")).toHaveValue("producer-2");
  await dialog.getByTestId("add-keys").fill("x, y");
  await dialog.getByTestId("add-submit").click();
  await expect(dialog).toBeHidden();
  await page.evaluate(() => window.__topicscope!.advanceTo(11_000));
  const producer = page.getByTestId("producer-producer-2");
  await expect(producer).toBeVisible();
  await expect(producer).toContainText(/acked [1-9]/);

  await producer.click({ button: "right" });
  await page.getByTestId("context-menu").getByRole("menuitem", { name: "Close producer" }).click();
  await page.evaluate(() => window.__topicscope!.advanceTo(12_000));
  await expect(producer).toHaveCount(0);
  // Its records stay in the logs after it is gone.
  await expect(page.getByRole("button", { name: /^Partition orders-/ }).first()).toBeVisible();
});

test("add a consumer group from the scene's background menu; close its members and delete it", async ({
  app,
}) => {
  const page = app.page;
  await page
    .getByTestId("scene")
    .locator("svg")
    .click({ button: "right", position: { x: 20, y: 20 } });
  await page.getByTestId("context-menu").getByRole("menuitem", { name: "Add a consumer group…" }).click();
  const dialog = page.getByTestId("add-dialog");
  await dialog.getByTestId("add-id").fill("audit");
  await dialog.getByTestId("add-count").fill("2");
  await dialog.getByTestId("add-assignor").selectOption("roundrobin");
  await dialog.getByTestId("add-submit").click();
  await expect(dialog).toBeHidden();
  // The initial rebalance delay (3 s) restarts as each new member joins.
  await page.evaluate(() => window.__topicscope!.advanceTo(18_000));
  const lane = page.getByTestId("group-audit");
  await expect(lane).toHaveAttribute("data-state", "Stable");
  await expect(page.getByTestId("consumer-audit-c1")).toBeVisible();
  await expect(page.getByTestId("consumer-audit-c2")).toBeVisible();

  const groupMenu = async () => {
    await lane.getByRole("button").first().click({ button: "right" });
    return page.getByTestId("context-menu");
  };
  let menu = await groupMenu();
  await expect(menu.getByRole("menuitem", { name: "Delete group" })).toBeDisabled();
  await menu.getByRole("menuitem", { name: "Close all members" }).click();
  await page.evaluate(() => window.__topicscope!.advanceTo(19_000));
  await expect(lane).toHaveAttribute("data-state", "Empty");
  menu = await groupMenu();
  await menu.getByRole("menuitem", { name: "Delete group" }).click();
  await expect(lane).toHaveCount(0);
  await expect(page.locator(".narration-list")).toContainText("Group audit was deleted");
});

test("add partitions from a partition's menu; a smaller count is refused with Kafka's reason and the run kept", async ({
  app,
}) => {
  const page = app.page;
  await page
    .getByTestId("partition-orders-0")
    .locator(".partition-button")
    .click({ button: "right", position: { x: 20, y: 20 } });
  await page.getByTestId("context-menu").getByRole("menuitem", { name: "Add partitions to orders…" }).click();
  const dialog = page.getByTestId("add-dialog");
  const hash = await page.evaluate(() => window.__topicscope!.hash());
  await dialog.getByTestId("add-count").fill("4");
  await dialog.getByTestId("add-submit").click();
  await expect(dialog.getByTestId("add-error")).toContainText("4");
  expect(await page.evaluate(() => window.__topicscope!.hash())).toBe(hash);
  await dialog.getByTestId("add-count").fill("8");
  await dialog.getByTestId("add-submit").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("partition-orders-7")).toBeVisible();
  // The leader notices on its next metadata refresh and the group rebalances over 8 partitions:
  // the new ones get an owner and a position.
  await page.evaluate(() => window.__topicscope!.advanceTo(20_000));
  await expect(page.getByTestId("group-orders-service")).toHaveAttribute("data-generation", "2");
  await expect(page.locator('[data-testid^="position-"][data-testid$="-orders-7"]')).toHaveCount(1);
});

test("broker, partition and message inspectors show live numbers; a broker stops from its inspector", async ({
  app,
}) => {
  const page = app.page;
  const inspector = page.getByTestId("inspector");
  await page
    .getByTestId("partition-orders-1")
    .locator(".partition-button")
    .click({ position: { x: 20, y: 20 } });
  await expect(inspector).toContainText("partition orders-1");
  const leo = await page.getByTestId("partition-orders-1").getAttribute("data-leo");
  await expect(inspector.getByTestId("partition-leo")).toHaveText(leo!);

  // A record: its cell opens it (mouse); the partition inspector's record list reaches it by keyboard.
  const cell = page.getByTestId("partition-orders-1").locator(".record-cell").last();
  const offset = await cell.getAttribute("data-offset");
  const key = await cell.getAttribute("data-key");
  await cell.click();
  await expect(inspector).toContainText(`record orders-1@${offset}`);
  await expect(inspector.getByTestId("record-stats")).toContainText(
    key === "" ? "null (no key)" : `“${key}”`,
  );
  await expect(inspector.locator(".key-card-pick").first()).toBeVisible();
  await page.getByTestId("partition-orders-1").locator(".partition-button").focus();
  await page.keyboard.press("Enter");
  await inspector.getByTestId("record-links").getByRole("button", { name: offset! }).focus();
  await page.keyboard.press("Enter");
  await expect(inspector).toContainText(`record orders-1@${offset}`);

  // Topic configs change on the live topic (kafka-configs --alter); Kafka's refusal is shown.
  await page
    .getByTestId("partition-orders-1")
    .locator(".partition-button")
    .click({ position: { x: 20, y: 20 } });
  await inspector.getByTestId("topic-config-segment.bytes").fill("1000");
  await inspector.getByTestId("topic-config-apply").click();
  await expect(inspector.getByTestId("topic-config-error")).toContainText("Value must be at least 1048576");
  await inspector.getByTestId("topic-config-retention.ms").fill("60000");
  await inspector.getByTestId("topic-config-segment.bytes").fill("1048576");
  await inspector.getByTestId("topic-config-apply").click();
  await expect(inspector.getByTestId("topic-config-error")).toHaveCount(0);
  await expect(inspector.getByTestId("topic-config-retention.ms")).toHaveValue("60000");
  await expect(inspector).toContainText("(1 minute)");

  // Keyboard: the broker header is a button; Enter opens its inspector.
  await page.getByTestId("broker-2").locator(".broker-header").focus();
  await page.keyboard.press("Enter");
  await expect(inspector).toContainText("broker 2");
  await expect(inspector.getByTestId("broker-config")).toContainText(
    "group.initial.rebalance.delay.ms3,000 (default)",
  );
  await inspector.getByTestId("broker-toggle").click();
  await expect(inspector.getByTestId("broker-status")).toHaveText("stopped");
  await expect(page.getByTestId("broker-2")).toHaveClass(/broker-down/);

  // A message in flight: clicked in the scene, its inspector keeps it after delivery.
  const message = page.locator(".message").first();
  await expect(message).toBeVisible();
  const api = await message.getAttribute("data-api");
  await message.click({ force: true });
  await expect(inspector.getByTestId("message-stats")).toBeVisible();
  await expect(inspector).toContainText(api!.endsWith("Response") ? "response" : "request");
  await page.evaluate(() => window.__topicscope!.advanceTo(10_000));
  await expect(inspector.getByTestId("message-state")).toHaveText("delivered");
});

test("zoom with the keys, the buttons and Ctrl + wheel", async ({ app }) => {
  const page = app.page;
  const svg = page.getByTestId("scene").locator("svg");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("]");
  await expect(svg).toHaveAttribute("data-zoom", "1.25");
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(svg).toHaveAttribute("data-zoom", "1.5");
  const wide = (await svg.boundingBox())!.width;
  await page.getByTestId("zoom-level").click();
  await expect(svg).toHaveAttribute("data-zoom", "1");
  expect((await svg.boundingBox())!.width).toBeLessThan(wide);
  await svg.hover();
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, 200);
  await page.keyboard.up("Control");
  await expect(svg).toHaveAttribute("data-zoom", "0.75");
  // Shortcuts wait while a button has focus (Space and Enter are the button's): leave it first.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("0");
  await expect(svg).toHaveAttribute("data-zoom", "1");
});

test("a consumer's configs: Kafka's refusal is shown; a change closes it and starts a new instance that rejoins", async ({
  app,
}) => {
  const page = app.page;
  const inspector = page.getByTestId("inspector");
  await page.getByTestId("consumer-consumer-1").click();
  await inspector.getByTestId("consumer-config-heartbeat.interval.ms").fill("60000");
  await inspector.getByTestId("consumer-config-apply").click();
  await expect(inspector.getByTestId("consumer-config-error")).toContainText("heartbeat.interval.ms");
  await inspector.getByTestId("consumer-config-heartbeat.interval.ms").fill("3000");
  await inspector.getByTestId("consumer-config-max.poll.records").fill("7");
  await expect(inspector.getByTestId("consumer-config-apply")).toHaveText("Close and restart with 1 change");
  await inspector.getByTestId("consumer-config-apply").click();
  await expect(inspector.getByTestId("consumer-config-error")).toHaveCount(0);
  await page.evaluate(() => window.__topicscope!.advanceTo(11_500));
  await expect(inspector.getByTestId("consumer-config-max.poll.records")).toHaveValue("7");
  await expect(page.getByTestId("consumer-consumer-1")).not.toHaveAttribute("data-activity", "dead");
  await expect(page.getByTestId("group-orders-service")).toHaveAttribute("data-state", "Stable");
});
