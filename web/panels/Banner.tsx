// Problems the user must see: a dead worker (with a restart that rebuilds the run from its inputs)
// and rejected input (the current run is kept). Never a blank page.
import { restartEngine } from "../state/actions";
import { useStore } from "../state/store";
import { dismissNotice } from "../state/ui-actions";

export function Banner() {
  const engineError = useStore((s) => s.engineError);
  const notice = useStore((s) => s.notice);
  if (engineError) {
    return (
      <div className="banner banner-error" role="alert" data-testid="engine-error">
        <span>The simulation stopped: {engineError}</span>
        <button type="button" className="btn" onClick={() => void restartEngine()}>
          Restart from where it stopped
        </button>
      </div>
    );
  }
  if (!notice) return null;
  return (
    <div
      className={`banner banner-${notice.kind}`}
      role={notice.kind === "error" ? "alert" : "status"}
      data-testid="notice"
    >
      <span>{notice.text}</span>
      <button type="button" className="btn" onClick={dismissNotice} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
