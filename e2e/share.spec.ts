// Protects share links and scenario files end to end: a copied link opened in a fresh page yields
// the same event-log hash and playhead; links and files of format version 1 open the identical run
// they made before version 2; broken links and invalid files get a clear message and the page
// keeps a working run.
import { readFileSync } from "node:fs";
import { decodeScenarioText } from "../engine/scenario/decode";
import { decodeShareLink } from "../engine/scenario/share-link";
import { createTimeline, seekTo } from "../engine/timeline";
import { expect, test } from "./fixtures";

function nodeHashOfLink(link: string): string {
  const decoded = decodeShareLink(link);
  if (!decoded.ok) throw new Error(decoded.error);
  const timeline = createTimeline(decoded.record);
  seekTo(timeline, decoded.playheadUs);
  return timeline.sim.eventLogHash();
}

function nodeHashOfFile(path: string, untilMs: number): string {
  const decoded = decodeScenarioText(readFileSync(path, "utf8"));
  if (!decoded.ok) throw new Error(decoded.errors.join("; "));
  const timeline = createTimeline({ scenario: decoded.scenario, commands: [] });
  seekTo(timeline, untilMs * 1000);
  return timeline.sim.eventLogHash();
}

/** The version 1 links and files captured before format v2, with the hashes they produced then. */
const V1 = "engine/scenario/fixtures/v1";
const v1Expected = JSON.parse(readFileSync(`${V1}/expected.json`, "utf8")) as {
  files: { file: string; untilMs: number | null; eventLogHash: string }[];
  links: { name: string; link: string; untilMs: number | null; eventLogHash: string }[];
};

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

test("a version 1 share link and a version 1 file open the identical run they made before", async ({
  app,
}) => {
  await app.open();
  const page = app.page;
  // Made in the app with a crash, a processing-time change and a restart applied along the way.
  const custom = v1Expected.links.find((l) => l.untilMs === null)!;
  await page.goto(`/${custom.link.slice(custom.link.indexOf("#"))}`);
  await expect(page.getByTestId("clock")).toContainText("t = 15.000 s");
  // engine/scenario/migrations.test.ts shows Node replays these fixtures event for event as they
  // ran when captured (their recorded hashes used the digest of that time); the browser must
  // match Node's run of the same inputs.
  expect(await page.evaluate(() => window.__topicscope!.hash())).toBe(nodeHashOfLink(custom.link));

  const file = v1Expected.files.find((f) => f.file === "custom-actions.json" && f.untilMs === null)!;
  await page.getByTestId("share").click();
  await page.getByTestId("import-file").setInputFiles({
    name: file.file,
    mimeType: "application/json",
    buffer: readFileSync(`${V1}/${file.file}`),
  });
  await expect(page.getByTestId("notice")).toContainText(`Loaded ${file.file}`);
  const durationMs = await page.evaluate(() => window.__topicscope!.durationMs());
  const run = await page.evaluate((ms) => window.__topicscope!.advanceTo(ms), durationMs);
  expect(run.eventLogHash).toBe(nodeHashOfFile(`${V1}/${file.file}`, durationMs));
});
