// The timeline scrubber: drag to any moment of the run, backwards included. The worker restores
// the nearest checkpoint and replays the run's inputs, so the state is exactly the one a straight
// run reaches. A command applied after scrubbing back forks the run.
import { formatSimTime } from "../lessons/narrate";
import { seekTo } from "../state/actions";
import { useStore } from "../state/store";

export function Timeline() {
  const playheadUs = useStore((s) => s.playheadUs);
  const horizonUs = useStore((s) => s.horizonUs);
  const durationMs = useStore((s) => s.view?.durationMs ?? 10_000);
  const ready = useStore((s) => s.view !== null && s.engineError === null);
  const endUs = Math.max(durationMs * 1000, horizonUs, playheadUs);
  const reachedPct = (Math.max(horizonUs, playheadUs) / endUs) * 100;
  return (
    <div className="timeline">
      <span className="timeline-time">{formatSimTime(0)}</span>
      <div className="timeline-track">
        <div className="timeline-reached" style={{ width: `${reachedPct}%` }} />
        <input
          type="range"
          min={0}
          max={endUs}
          step={1000}
          value={Math.min(playheadUs, endUs)}
          disabled={!ready}
          onChange={(e) => seekTo(Number(e.target.value))}
          aria-label="Simulated time"
          aria-valuetext={formatSimTime(playheadUs)}
          data-testid="scrubber"
        />
      </div>
      <span className="timeline-time">{formatSimTime(endUs)}</span>
    </div>
  );
}
