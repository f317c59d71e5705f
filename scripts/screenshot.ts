// Takes screenshots of the production build for review and for the README:
// `npx vite build && npx vite preview … &` then `npx tsx scripts/screenshot.ts <url> <out.png> [ms] [theme]`.
import { chromium } from "@playwright/test";

const [url = "http://127.0.0.1:4173/", out = "artifacts/screenshot.png", untilMs = "2500", theme = "light"] =
  process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
page.on("console", (m) => m.type() === "error" && console.error("console:", m.text()));
page.on("pageerror", (e) => console.error("pageerror:", e.message));
await page.goto(url);
await page.waitForSelector("[data-testid=scene]");
await page.evaluate(async (ms) => {
  await window.__topicscope!.advanceTo(ms);
}, Number(untilMs));
if (theme === "dark") await page.getByRole("button", { name: /Dark/ }).click();
await page.waitForTimeout(600);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
