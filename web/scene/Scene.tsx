// The animated picture: producers → brokers holding partition logs → consumers, with messages in
// flight between them. Geometry comes from layout.ts; the playhead drives motion.
import { memo, useDeferredValue, useMemo } from "react";
import type { MessageView, SimView } from "../../engine/view";
import { useStore } from "../state/store";
import { openContextMenu } from "../state/ui-actions";
import { BrokerNode } from "./BrokerNode";
import { CompactLogs } from "./CompactLogs";
import { ConsumerNode } from "./ConsumerNode";
import { GroupLane } from "./GroupLane";
import { computeLayout, isCompact, SCENE_WIDTH, type SceneLayout } from "./layout";
import { MessageLayer } from "./MessageLayer";
import { ProducerNode } from "./ProducerNode";

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

const SceneBody = memo(function SceneBody({ view, zoom }: { view: SimView | null; zoom: number }) {
  const layout = useMemo(() => (view ? computeLayout(view) : null), [view]);
  if (!view || !layout) {
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
          <BrokerNode key={b.id} view={view} layout={layout} brokerId={b.id} />
        ))}
        {layout.metrics.density === "compact" && <CompactLogs view={view} layout={layout} />}
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
        {view.consumers.map((c) => (
          <ConsumerNode key={c.id} consumer={c} box={layout.consumers.get(c.id)!} nowUs={view.nowUs} />
        ))}
        <LiveMessages messages={view.messages} layout={layout} nowUs={view.nowUs} />
      </svg>
    </div>
  );
});
