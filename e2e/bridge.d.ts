// The test-only window API the app installs (web/main.tsx), typed for page.evaluate callbacks.
import type { TestBridge } from "../web/state/test-bridge";

declare global {
  interface Window {
    __topicscope?: TestBridge;
  }
}
