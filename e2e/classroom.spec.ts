// Protects the classroom modes: presenter mode (P or the button) hides editing chrome, ?embed shows
// only the scene and its controls, and "?" lists the shortcuts; all by keyboard too.
import { expect, test } from "./fixtures";

test("presenter mode hides the editing chrome and comes back", async ({ app }) => {
  await app.open();
  const page = app.page;
  await expect(page.getByRole("heading", { name: "Reading the picture" })).toBeVisible();
  await page.getByTestId("presenter").click();
  await expect(page.locator(".app")).toHaveAttribute("data-presenter", "true");
  await expect(page.getByRole("heading", { name: "Reading the picture" })).toBeHidden();
  await expect(page.getByRole("button", { name: /Dark|Light/ })).toBeHidden();
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("p");
  await expect(page.locator(".app")).not.toHaveAttribute("data-presenter", "true");
});

test("?embed shows the scene and playback only", async ({ app }) => {
  await app.open("/?embed");
  const page = app.page;
  await expect(page.getByTestId("scene")).toBeVisible();
  await expect(page.getByTestId("play")).toBeVisible();
  await expect(page.getByText("Topicscope", { exact: true })).toBeHidden();
  await expect(page.getByTestId("presenter")).toBeHidden();
});

test("? opens the shortcuts and Escape closes them", async ({ app }) => {
  await app.open();
  const page = app.page;
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("?");
  const dialog = page.getByTestId("shortcuts");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});
