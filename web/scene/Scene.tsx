// The animated picture: producers → brokers holding partition logs → consumers, with messages in
// flight between them. Geometry comes from layout.ts; the playhead drives motion.
import { memo, useDeferredValue, useLayoutEffect, useMemo, useState } from "react";
import type { MessageView, SimView } from "../../engine/view";
import { sceneDrewView } from "../state/actions";
import { useStore } from "../state/store";
import { openContextMenu } from "../state/ui-actions";
import { BrokerNode } from "./BrokerNode";
import { CompactLogs } from "./CompactLogs";
import { ConsumerNode } from "./ConsumerNode";
import { GroupLane } from "./GroupLane";
import { computeLayout, isCompact, SCENE_WIDTH, type SceneLayout } from "./layout";
import { MessageLayer } from "./MessageLayer";
import { logMarkers } from "./markers";
import { ProducerNode } from "./ProducerNode";
import { useStageWatch } from "./stage-watch";

/**
 * The only part that moves between engine views: it alone follows the playhead every animation
 * frame, so the rest of the scene re-renders only when a new view arrives.
 */
function LiveMessages({
  messages,
  layout,
  nowUs,
}: {
  messages: MessageView[];
  layout: SceneLayout;
  nowUs: number;
}) {
  const playheadUs = useStore((s) => s.playheadUs);
  return <MessageLayer messages={messages} layout={layout} playheadUs={Math.max(playheadUs, nowUs)} />;
}

export function Scene() {
  const latest = useStore((s) => s.view);
  const zoom = useStore((s) => s.zoom);
  // A dense scene (the compact density: up to hundreds of partitions and dozens of clients) takes
  // several milliseconds to render; it renders each new view in the background, in slices that
  // yield to animation frames, so the messages in flight keep moving. Smaller scenes show a view
  // at once, which keeps stepping exact from the first frame.
  const deferred = useDeferredValue(latest);
  const view = latest !== null && isCompact(latest) ? deferred : latest;
  return <SceneBody view={view} zoom={zoom} />;
}

/** Above this many consumers, only the cards near the visible part of the stage are drawn. */
const WINDOW_MIN_CONSUMERS = 12;
/** The drawn band moves in steps of this many scene units, not on every scrolled pixel. */
const BAND_STEP = 200;

interface Band {
  top: number;
  bottom: number;
}

/**
 * The part of the scene worth drawing, in scene units: what the stage shows, plus one screen above
 * and below, so cards are there before they scroll into view (and before Tab reaches them: a
 * focused card scrolls into view, which moves the band on).
 */
function useVisibleBand(svg: SVGSVGElement | null, enabled: boolean): Band | null {
  const [band, setBand] = useState<Band | null>(null);
  useStageWatch(svg, enabled, ({ top, height }) => {
    const lo = Math.floor((top - height) / BAND_STEP) * BAND_STEP;
    const hi = Math.ceil((top + 2 * height) / BAND_STEP) * BAND_STEP;
    setBand((b) => (b && b.top === lo && b.bottom === hi ? b : { top: lo, bottom: hi }));
  });
  return enabled ? band : null;
}

const SceneBody = memo(function SceneBody({ view, zoom }: { view: SimView | null; zoom: number }) {
  const layout = useMemo(() => (view ? computeLayout(view) : null), [view]);
  const markers = useMemo(() => (view ? logMarkers(view) : null), [view]);
  // How long a view took to reach the screen paces how often the next ones are asked for.
  useLayoutEffect(() => {
    if (view) sceneDrewView();
  }, [view]);
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  // Dozens of consumer cards, each re-laid out on every view, cost more than everything else on a
  // dense scene; the ones far off screen are left out until the stage scrolls near them.
  const band = useVisibleBand(svg, (view?.consumers.length ?? 0) > WINDOW_MIN_CONSUMERS);
  if (!view || !layout || !markers) {
    return (
      <div className="scene scene-empty" role="status">
        Starting the simulation…
      </div>
    );
  }
  const partitionCount = (topic: string) => view.topics.find((t) => t.name === topic)?.partitions.length ?? 1;
  return (
    <div className={`scene scene-${layout.metrics.density}`} data-testid="scene">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG scene holding focusable elements is a labelled group; SVG has no <fieldset>. */}
      <svg
        ref={setSvg}
        viewBox={`0 0 ${SCENE_WIDTH} ${layout.height}`}
        style={zoom === 1 ? undefined : { width: `${zoom * 100}%`, height: "auto", maxWidth: "none" }}
        data-zoom={zoom}
        // A right click on the background offers what can be added to the cluster.
        onContextMenu={(event) => {
          event.preventDefault();
          openContextMenu({ kind: "scene", id: "" }, event.clientX, event.clientY);
        }}
        role="group"
        aria-label={`${view.producers.length} producer(s), ${view.brokers.length} brokers, ${view.consumers.length} consumer(s)`}
      >
        {view.brokers.map((b) => (
          <BrokerNode key={b.id} view={view} layout={layout} markers={markers} brokerId={b.id} />
        ))}
        {view.producers.map((p) => (
          <ProducerNode
            key={p.id}
            producer={p}
            box={layout.producers.get(p.id)!}
            partitionCount={partitionCount(p.topic)}
          />
        ))}
        {view.groups.map((g) => {
          const box = layout.groups.get(g.groupId);
          const leader =
            view.consumers.find((c) => c.groupId === g.groupId && c.memberId === g.leaderId)?.id ?? null;
          const tally = view.deliveries.filter((d) => d.groupId === g.groupId);
          const delivery = {
            lost: tally.reduce((n, d) => n + (d.lost ?? 0), 0),
            duplicated: tally.reduce((n, d) => n + d.duplicated, 0),
          };
          return box ? (
            <GroupLane key={g.groupId} group={g} box={box} leaderClient={leader} delivery={delivery} />
          ) : null;
        })}
        {view.consumers.map((c) => {
          const box = layout.consumers.get(c.id)!;
          if (band && (box.y + box.height < band.top || box.y > band.bottom)) return null;
          return (
            <ConsumerNode
              key={c.id}
              consumer={c}
              box={box}
              nowUs={view.nowUs}
              compact={layout.metrics.density === "compact"}
            />
          );
        })}
        {/* Last but the messages: the canvas overlaps only broker rows, and with nothing of the
            scene painted after it, the scene stays one compositor layer under it. */}
        {layout.metrics.density === "compact" && (
          <CompactLogs view={view} layout={layout} markers={markers} />
        )}
        <LiveMessages messages={view.messages} layout={layout} nowUs={view.nowUs} />
      </svg>
    </div>
  );
});
