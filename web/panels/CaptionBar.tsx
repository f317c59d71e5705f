// The lesson's current caption, large, over the bottom of the scene: the latest caption reached.
// When a caption paused the run, "Continue" resumes it. Rendered as text, never as HTML.

import { useStore } from "../state/store";
import { togglePlay } from "../state/ui-actions";

export function CaptionBar() {
  const lesson = useStore((s) => s.view?.lesson ?? null);
  const reached = useStore((s) => s.reachedCaptions);
  const playing = useStore((s) => s.playing);
  if (!lesson || reached.length === 0) return null;
  const index = reached[reached.length - 1]!;
  const caption = lesson.captions[index]!;
  return (
    <div className="caption-bar" role="status" aria-live="polite" data-testid="caption">
      <span className="caption-count">
        {index + 1}/{lesson.captions.length}
      </span>
      <p className="caption-text">{caption.text}</p>
      {!playing && caption.pause && (
        <button type="button" className="btn btn-primary" onClick={togglePlay}>
          Continue ▶
        </button>
      )}
    </div>
  );
}
