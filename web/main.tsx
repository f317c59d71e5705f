import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { ErrorBoundary } from "./panels/ErrorBoundary";
import { startFromLocation } from "./state/actions";
import { testBridge } from "./state/test-bridge";
import { applyUrlOptions } from "./state/ui-actions";
import "./styles.css";

declare global {
  interface Window {
    __topicscope?: ReturnType<typeof testBridge>;
  }
}

applyUrlOptions(window.location.search, window.matchMedia("(prefers-color-scheme: dark)").matches);
window.__topicscope = testBridge();
void startFromLocation(window.location.hash);
// A link pasted into this tab's address bar opens that run.
window.addEventListener("hashchange", () => void startFromLocation(window.location.hash));

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
