// Screenshots of the production build, for review and for the README. Serve a build first
// (`npx vite build && npx vite preview --port 4173`), then:
//   npx tsx scripts/screenshot.ts --url http://127.0.0.1:4173/ --out artifacts/shot [--scenario file.json]
//     [--at 2500,12300] [--theme dark] [--presenter] [--tab sequence|charts] [--width 1600]
//     [--element .dock]   (only that element, e.g. the dock with the sequence diagram)
// One PNG per moment in --at (simulated ms): <out>-<ms>.png.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:4173/" },
    out: { type: "string", default: "artifacts/shot" },
    scenario: { type: "string" },
    at: { type: "string", default: "2500" },
    theme: { type: "string", default: "light" },
    presenter: { type: "boolean", default: false },
    /** A dock tab to open before the screenshots: "charts" or "sequence". */
    tab: { type: "string" },
    width: { type: "string", default: "1600" },
    element: { type: "string" },
  },
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: Number(values.width), height: 1000 } });
page.on("console", (m) => m.type() === "error" && console.error("console:", m.text()));
page.on("pageerror", (e) => console.error("pageerror:", e.message));
const query = [`theme=${values.theme}`, values.presenter ? "presenter" : ""].filter(Boolean).join("&");
await page.goto(`${values.url}?${query}`);
await page.waitForSelector("[data-testid=scene]");
if (values.scenario) {
  const errors = await page.evaluate(
    (s) => window.__topicscope!.load(s),
    JSON.parse(readFileSync(values.scenario, "utf8")),
  );
  if (errors.length > 0) throw new Error(errors.join("\n"));
}
if (values.tab) {
  await page.getByTestId(`${values.tab}-tab`).click();
  // Out of the way, so no diagram element shows its hover state in the picture.
  await page.mouse.move(0, 0);
}
for (const ms of values.at.split(",").map(Number)) {
  await page.evaluate((t) => window.__topicscope!.advanceTo(t), ms);
  await page.waitForTimeout(500);
  const path = `${values.out}-${ms}.png`;
  if (values.element) await page.locator(values.element).screenshot({ path });
  else await page.screenshot({ path });
  console.log(`wrote ${values.out}-${ms}.png`);
}
await browser.close();
