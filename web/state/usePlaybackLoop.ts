// Drives the playhead from animation frames while playing. Motion derives from the playhead, so
// the loop only advances time; the engine catches up in the worker.
import { useEffect } from "react";
import { advancePlayhead } from "./actions";

export function usePlaybackLoop(): void {
  useEffect(() => {
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      advancePlayhead(now - last, now);
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, []);
}
