// The narration: the latest engine events in plain language, newest first. The events of the last
// single step are highlighted, and announced to screen readers through a live region; a step that
// changed nothing narratable still gets a line saying what the scheduler processed.
import { useMemo, useState } from "react";
import { formatSimTime, type NarrationKind, narrate, narrateQuietStep } from "../lessons/narrate";
import { seekTo, showDockTab } from "../state/actions";
import { useStore } from "../state/store";
import { OpsCharts } from "./OpsCharts";
import { SequenceDiagram } from "./SequenceDiagram";

/** Filters by protocol step; each maps to the narration kinds it shows. */
const FILTERS: { id: string; label: string; kinds: readonly NarrationKind[] | null }[] = [
  { id: "all", label: "All", kinds: null },
  { id: "produce", label: "Produce", kinds: ["produce"] },
  { id: "fetch", label: "Fetch", kinds: ["fetch", "metadata"] },
  { id: "group", label: "Group protocol", kinds: ["group", "heartbeat"] },
  { id: "commit", label: "Commits", kinds: ["commit"] },
];

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
  const [filter, setFilter] = useState("all");
  const tab = useStore((s) => s.dockTab);
  const setTab = (next: typeof tab) => void showDockTab(next);
  const lines = useMemo(() => {
    const kinds = FILTERS.find((f) => f.id === filter)?.kinds ?? null;
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
      if (kinds && !kinds.includes(narration.kind) && !isStep) continue;
      out.push({ id: event.index, atUs: event.atUs, isStep, ...narration });
    }
    if (lastStep && !out.some((line) => line.isStep)) {
      const text = narrateQuietStep(lastStep.kind);
      out.unshift({ id: -lastStep.index - 1, atUs: lastStep.atUs, kind: "control", text, isStep: true });
    }
    return out;
  }, [events, stepEvents, lastStep, filter]);
  const announcement = lines
    .filter((line) => line.isStep)
    .map((line) => line.text)
    .join(" ");
  return (
    <section className="panel narration" aria-labelledby="narration-title">
      <div className="narration-head">
        <div className="dock-tabs" role="tablist" aria-label="Dock">
          <button
            type="button"
            role="tab"
            aria-selected={tab === "narration"}
            className={tab === "narration" ? "dock-tab on" : "dock-tab"}
            onClick={() => setTab("narration")}
          >
            <h2 id="narration-title">What just happened</h2>
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === "charts"}
            className={tab === "charts" ? "dock-tab on" : "dock-tab"}
            onClick={() => setTab("charts")}
            data-testid="charts-tab"
          >
            <h2>Lag &amp; throughput</h2>
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === "sequence"}
            className={tab === "sequence" ? "dock-tab on" : "dock-tab"}
            onClick={() => setTab("sequence")}
            data-testid="sequence-tab"
          >
            <h2>Rebalance sequence</h2>
          </button>
        </div>
        {tab === "narration" && (
          <fieldset className="narration-filters">
            <legend className="sr-only">Show</legend>
            {FILTERS.map((f) => (
              <button
                key={f.id}
                type="button"
                className={f.id === filter ? "chip chip-on" : "chip"}
                aria-pressed={f.id === filter}
                onClick={() => setFilter(f.id)}
              >
                {f.label}
              </button>
            ))}
          </fieldset>
        )}
      </div>
      <div className="sr-only" aria-live="polite" data-testid="step-announcement">
        {announcement}
      </div>
      {tab === "charts" ? (
        <OpsCharts />
      ) : tab === "sequence" ? (
        <SequenceDiagram />
      ) : (
        <ol className="narration-list" data-testid="narration">
          {lines.map((line) => (
            <li key={line.id} className={`narration-item kind-${line.kind}${line.isStep ? " is-step" : ""}`}>
              <button
                type="button"
                className="narration-seek"
                onClick={() => seekTo(line.atUs)}
                title="Go to this moment of the run"
              >
                <span className="narration-time">{formatSimTime(line.atUs)}</span>
                <span className="narration-text">{line.text}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
