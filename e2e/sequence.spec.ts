// Protects the rebalance sequence diagram: opened from the dock with the mouse or the keyboard, it
// shows the coordinator's and the members' lanes with each JoinGroup, SyncGroup, Heartbeat and
// OffsetCommit of the 4th consumer joining, follows the playhead (seek, step, step back), and an arrow (clicked, or
// reached with the arrow keys and Enter) takes the run to the moment that message was sent.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const clock = (page: Page) => page.getByTestId("clock").locator(".clock-time");

async function openMidRebalance(app: { open(path?: string): Promise<void>; page: Page }, atMs = 12_470) {
  await app.open("/#p=fourth-consumer-joins");
  await app.page.evaluate((t: number) => window.__topicscope!.advanceTo(t), atMs);
  await expect(clock(app.page)).toHaveText(`t = ${(atMs / 1000).toFixed(3)} s`);
}

test("with the mouse: the diagram shows the rebalance, an arrow seeks, protocol steps and a step back follow", async ({
  app,
}) => {
  await openMidRebalance(app);
  const page = app.page;
  await page.getByTestId("sequence-tab").click();
  const diagram = page.getByTestId("sequence-diagram");
  await expect(diagram).toBeVisible();
  // Lanes: the coordinator, the broker that answered FindCoordinator, the four members.
  for (const text of [
    "broker 3",
    "group coordinator",
    "consumer-1",
    "consumer-4",
    "★ consumer-3",
    "leader ·",
  ]) {
    await expect(diagram.locator(".seq-lane-label", { hasText: text }).first()).toBeVisible();
  }
  // The newcomer's first JoinGroup is refused with MEMBER_ID_REQUIRED; the others learn of the
  // rebalance from their heartbeats; four members join and sync generation 2.
  const notes = diagram.locator(".seq-exchange-note");
  await expect(notes.filter({ hasText: "MEMBER_ID_REQUIRED" })).toHaveCount(1);
  await expect(notes.filter({ hasText: "REBALANCE_IN_PROGRESS" })).toHaveCount(3);
  await expect(notes.filter({ hasText: "leader · gen 2" })).toHaveCount(1);
  await expect(diagram.locator(".seq-band-label", { hasText: "PreparingRebalance · gen 1" })).toBeVisible();
  const gen2Syncs = diagram.getByRole("button", { name: /^SyncGroup request .*generation 2/ });
  await expect(gen2Syncs).toHaveCount(4);
  await expect(diagram.getByRole("button", { name: /^OffsetCommit request/ }).first()).toBeVisible();

  // Clicking the newcomer's FindCoordinator goes back to the moment it was sent.
  await diagram.getByRole("button", { name: /^FindCoordinator request from consumer-4/ }).click();
  await expect(clock(page)).toHaveText("t = 12.000 s");
  await expect(gen2Syncs).toHaveCount(0);
  await expect(diagram.locator(".seq-axis-playhead")).toHaveText("12.000 s");

  // Stepping protocol message by protocol message, the diagram follows the playhead.
  const joins = diagram.getByRole("button", { name: /^JoinGroup request from consumer-4/ });
  await expect(joins).toHaveCount(0);
  // One step: the FindCoordinator answer arrives and the newcomer sends its JoinGroup at once.
  await page.getByTestId("step-protocol").click();
  await expect(joins).toHaveCount(1);
  // And back: one step back un-sends it.
  await page.getByTestId("step-back").click();
  await expect(joins).toHaveCount(0);
  await page.getByTestId("step-protocol").click();
  await expect(joins).toHaveCount(1);
  await expect(
    diagram.getByRole("button", { name: /^FindCoordinator response from broker 1 to consumer-4/ }),
  ).toBeVisible();
});

test("with the keyboard: one tab stop for the arrows, ← → move through them, Enter seeks", async ({
  app,
}) => {
  await openMidRebalance(app);
  const page = app.page;
  await page.getByTestId("sequence-tab").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sequence-diagram")).toBeVisible();
  // The diagram draws once the worker's protocol history arrives; wait for the newest arrow.
  await expect(page.locator(".seq-arrow").last()).toHaveAttribute("aria-label", /^OffsetFetch/);
  // Tab: the heartbeat switch, then the arrows (the newest one first).
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("sequence-heartbeats")).toBeFocused();
  await page.keyboard.press("Tab");
  const focused = page.locator(".seq-arrow:focus");
  await expect(focused).toHaveAttribute("aria-label", /^OffsetFetch (request|response)/);
  const newest = await focused.getAttribute("aria-label");
  await page.keyboard.press("Home");
  await expect(focused).not.toHaveAttribute("aria-label", newest!);
  // Walk forward to the newcomer's refused JoinGroup and go there.
  for (let i = 0; i < 40; i++) {
    const label = (await focused.getAttribute("aria-label")) ?? "";
    if (label.includes("MEMBER_ID_REQUIRED")) break;
    await page.keyboard.press("ArrowRight");
  }
  await expect(focused).toHaveAttribute(
    "aria-label",
    /^JoinGroup response from broker 3 to consumer-4.*MEMBER_ID_REQUIRED/,
  );
  const sentAt = /sent at (\d+\.\d{3}) s/.exec((await focused.getAttribute("aria-label"))!)![1];
  await page.keyboard.press("Enter");
  await expect(clock(page)).toHaveText(`t = ${sentAt} s`);
  // The arrow keys stayed inside the diagram: the run did not step.
  await expect(page.getByTestId("sequence-diagram").locator(".seq-axis-playhead")).toHaveText(`${sentAt} s`);
});

test("routine heartbeats are ticks on the member's lane until asked for", async ({ app }) => {
  await openMidRebalance(app, 15_600);
  const page = app.page;
  await page.getByTestId("sequence-tab").click();
  const diagram = page.getByTestId("sequence-diagram");
  const routine = diagram.getByRole("button", { name: /^Heartbeat request .*sent at 15\.\d{3} s/ });
  await expect(diagram.locator(".seq-tick")).toHaveCount(4);
  await expect(routine).toHaveCount(0);
  await page.getByTestId("sequence-heartbeats").click();
  await expect(page.getByTestId("sequence-heartbeats")).toHaveAttribute("aria-pressed", "true");
  await expect(routine).toHaveCount(4);
  await expect(diagram.locator(".seq-tick")).toHaveCount(0);
});

test("a scenario with two groups gets a group selector", async ({ app }) => {
  await app.open("/#p=two-groups-one-topic");
  const page = app.page;
  await page.evaluate(() => window.__topicscope!.advanceTo(4_000));
  await page.getByTestId("sequence-tab").click();
  const select = page.getByTestId("sequence-group");
  const ids = await select.locator("option").allTextContents();
  expect(ids).toHaveLength(2);
  const lanes = page.getByTestId("sequence-diagram").locator(".seq-lane-title");
  const before = await lanes.allTextContents();
  await select.selectOption(ids[1]!);
  await expect.poll(() => lanes.allTextContents()).not.toEqual(before);
});

test("the diagram has no serious accessibility violations, light and dark presenter", async ({ app }) => {
  for (const path of ["/#p=fourth-consumer-joins", "/?presenter&theme=dark#p=fourth-consumer-joins"]) {
    await app.open(path);
    const page = app.page;
    await page.evaluate(() => window.__topicscope!.advanceTo(12_300));
    await page.getByTestId("sequence-tab").click();
    await expect(page.getByTestId("sequence-diagram").locator(".seq-arrow").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(" ")} — ${v.help}`);
    expect(serious).toEqual([]);
  }
});
