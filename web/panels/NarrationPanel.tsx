// The narration: the latest engine events in plain language, newest first. The events of the last
// single step are highlighted, and announced to screen readers through a live region; a step that
// changed nothing narratable still gets a line saying what the scheduler processed.
import { useMemo } from "react";
import { formatSimTime, narrate, narrateQuietStep } from "../lessons/narrate";
import { useStore } from "../state/store";

const SHOWN = 14;

interface Line {
  id: number;
  atUs: number;
  kind: string;
  text: string;
  isStep: boolean;
}

export function NarrationPanel() {
  const events = useStore((s) => s.view?.recentEvents);
  const stepEvents = useStore((s) => s.lastStepEvents);
  const lastStep = useStore((s) => s.lastStep);
  const lines = useMemo(() => {
    const stepIndexes = new Set(stepEvents.map((e) => e.index));
    const out: Line[] = [];
    for (let i = (events?.length ?? 0) - 1; i >= 0 && out.length < SHOWN; i--) {
      const event = events![i]!;
      const narration = narrate(event);
      const isStep = stepIndexes.has(event.index);
      // Arrivals and routine heartbeats are narrated only when stepping; while playing they would
      // drown the lines that matter.
      if (!narration || ((narration.kind === "delivery" || narration.kind === "heartbeat") && !isStep))
        continue;
      out.push({ id: event.index, atUs: event.atUs, isStep, ...narration });
    }
    if (lastStep && !out.some((line) => line.isStep)) {
      const text = narrateQuietStep(lastStep.kind);
      out.unshift({ id: -lastStep.index - 1, atUs: lastStep.atUs, kind: "control", text, isStep: true });
    }
    return out;
  }, [events, stepEvents, lastStep]);
  const announcement = lines
    .filter((line) => line.isStep)
    .map((line) => line.text)
    .join(" ");
  return (
    <section className="panel narration" aria-labelledby="narration-title">
      <h2 id="narration-title">What just happened</h2>
      <div className="sr-only" aria-live="polite" data-testid="step-announcement">
        {announcement}
      </div>
      <ol className="narration-list" data-testid="narration">
        {lines.map((line) => (
          <li key={line.id} className={`narration-item kind-${line.kind}${line.isStep ? " is-step" : ""}`}>
            <span className="narration-time">{formatSimTime(line.atUs)}</span>
            <span className="narration-text">{line.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
