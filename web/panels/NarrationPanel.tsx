// The narration: the latest engine events in plain language, newest first. The events of the last
// single step are highlighted, and announced to screen readers through a live region.
import { useMemo } from "react";
import { formatSimTime, narrate } from "../lessons/narrate";
import { useStore } from "../state/store";

const SHOWN = 14;

export function NarrationPanel() {
  const events = useStore((s) => s.view?.recentEvents);
  const stepEvents = useStore((s) => s.lastStepEvents);
  const highlighted = useMemo(() => new Set(stepEvents.map((e) => e.index)), [stepEvents]);
  const lines = useMemo(() => {
    const out: { index: number; atUs: number; kind: string; text: string }[] = [];
    for (let i = (events?.length ?? 0) - 1; i >= 0 && out.length < SHOWN; i--) {
      const event = events![i]!;
      const narration = narrate(event);
      // Arrivals are narrated only when stepping; while playing they would double every line.
      if (!narration || (narration.kind === "delivery" && !highlighted.has(event.index))) continue;
      out.push({ index: event.index, atUs: event.atUs, ...narration });
    }
    return out;
  }, [events, highlighted]);
  const announcement = stepEvents
    .map(narrate)
    .filter((n) => n !== null)
    .map((n) => n.text)
    .join(" ");
  return (
    <section className="panel narration" aria-labelledby="narration-title">
      <h2 id="narration-title">What just happened</h2>
      <div className="sr-only" aria-live="polite" data-testid="step-announcement">
        {announcement}
      </div>
      <ol className="narration-list" data-testid="narration">
        {lines.map((line) => (
          <li
            key={line.index}
            className={`narration-item kind-${line.kind}${highlighted.has(line.index) ? " is-step" : ""}`}
          >
            <span className="narration-time">{formatSimTime(line.atUs)}</span>
            <span className="narration-text">{line.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
