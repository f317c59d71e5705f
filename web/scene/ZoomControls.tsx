// Zoom for dense scenes: −, the level (click to fit the width again), +; also Ctrl + mouse wheel
// over the scene and the [ ] 0 keys. Above 100 % the stage scrolls.
import { useEffect } from "react";
import { useStore } from "../state/store";
import { changeZoom } from "../state/ui-actions";

/** Ctrl + wheel over the stage zooms instead of scrolling (a native listener: React's is passive). */
export function useWheelZoom(stage: HTMLElement | null): void {
  useEffect(() => {
    if (!stage) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      changeZoom(event.deltaY < 0 ? 1 : -1);
    };
    stage.addEventListener("wheel", onWheel, { passive: false });
    return () => stage.removeEventListener("wheel", onWheel);
  }, [stage]);
}

export function ZoomControls() {
  const zoom = useStore((s) => s.zoom);
  return (
    <div className="zoom-anchor">
      <fieldset className="zoom-controls" data-testid="zoom-controls">
        <legend className="sr-only">Zoom</legend>
        <button
          type="button"
          className="btn btn-icon"
          onClick={() => changeZoom(-1)}
          aria-label="Zoom out"
          aria-keyshortcuts="["
        >
          −
        </button>
        <button
          type="button"
          className="btn zoom-level"
          onClick={() => changeZoom(0)}
          aria-label={`Zoom ${Math.round(zoom * 100)} percent: fit the width`}
          aria-keyshortcuts="0"
          data-testid="zoom-level"
        >
          {Math.round(zoom * 100)}%
        </button>
        <button
          type="button"
          className="btn btn-icon"
          onClick={() => changeZoom(1)}
          aria-label="Zoom in"
          aria-keyshortcuts="]"
        >
          +
        </button>
      </fieldset>
    </div>
  );
}
