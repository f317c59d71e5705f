// The timeline scrubber: drag to any moment of the run, backwards included. The worker restores
// the nearest checkpoint and replays the run's inputs, so the state is exactly the one a straight
// run reaches. A command applied after scrubbing back forks the run.
import type { TimelineMarker } from "../lessons/milestones";
import { formatSimTime } from "../lessons/narrate";
import { seekTo } from "../state/actions";
import { useStore } from "../state/store";

export function Timeline() {
  const playheadUs = useStore((s) => s.playheadUs);
  const horizonUs = useStore((s) => s.horizonUs);
  const durationMs = useStore((s) => s.view?.durationMs ?? 10_000);
  const ready = useStore((s) => s.view !== null && s.engineError === null);
  const eventMarkers = useStore((s) => s.markers);
  const lesson = useStore((s) => s.view?.lesson ?? null);
  const endUs = Math.max(durationMs * 1000, horizonUs, playheadUs);
  const reachedPct = (Math.max(horizonUs, playheadUs) / endUs) * 100;
  const captionMarkers: TimelineMarker[] = (lesson?.captions ?? []).flatMap((c, i) =>
    c.atMs === undefined
      ? []
      : [{ id: -1 - i, atUs: c.atMs * 1000, kind: "caption", label: `caption: ${c.text}` }],
  );
  const markers = [...captionMarkers, ...eventMarkers].filter((m) => m.atUs <= endUs);
  return (
    <div className="timeline">
      <span className="timeline-time">{formatSimTime(0)}</span>
      <div className="timeline-track">
        <div className="timeline-reached" style={{ width: `${reachedPct}%` }} />
        {markers.map((m) => (
          <button
            key={m.id}
            type="button"
            className={`timeline-marker marker-${m.kind}`}
            style={{ left: `${(m.atUs / endUs) * 100}%` }}
            onClick={() => seekTo(m.atUs)}
            title={`${formatSimTime(m.atUs)} · ${m.label}`}
            aria-label={`Go to ${formatSimTime(m.atUs)}: ${m.label}`}
            tabIndex={-1}
            data-testid="timeline-marker"
          />
        ))}
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
