// Shared e2e fixtures: every test fails on any console error or page error, and on any request
// that leaves the page's origin.
import { test as base, expect, type Page } from "@playwright/test";

export interface AppPage {
  page: Page;
  problems: string[];
  open(path?: string): Promise<void>;
  stepCount(): Promise<number>;
  /** Clicks Step and waits until the step has been drawn (the step counter moved on). */
  stepOnce(): Promise<void>;
}

export const test = base.extend<{ app: AppPage }>({
  app: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    const origin = new URL(baseURL!).origin;
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) {
        problems.push(`request left the origin: ${url}`);
      }
    });
    const app: AppPage = {
      page,
      problems,
      async open(path = "/") {
        const worker = page.waitForEvent("worker");
        await page.goto(path);
        await worker;
        await expect(page.getByTestId("scene")).toBeVisible();
      },
      async stepCount() {
        const text = (await page.getByTestId("step-count").textContent()) ?? "";
        return Number(text.replace(/\D/g, ""));
      },
      async stepOnce() {
        const before = await app.stepCount();
        await page.getByTestId("step").click();
        await expect(page.getByTestId("step-count")).not.toHaveText(`step ${before}`);
      },
    };
    await use(app);
    expect(problems, "no console errors, page errors or off-origin requests").toEqual([]);
  },
});

export { expect };
