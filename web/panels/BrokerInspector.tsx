// The broker inspector: up or stopped, the partitions it leads, the groups it coordinates, the
// requests in flight to and from it, and the classroom's "what if": stop it, start it again.
import type { SimView } from "../../engine/view";
import { applyCommand } from "../state/actions";
import { inspect } from "../state/ui-actions";
import { InFlightList } from "./InFlightList";

export function BrokerInspector({ view, brokerId }: { view: SimView; brokerId: number }) {
  const broker = view.brokers.find((b) => b.id === brokerId);
  if (!broker) return null;
  const actor = `broker-${brokerId}`;
  const partitions = view.topics.flatMap((t) => t.partitions).filter((p) => p.leaderBrokerId === brokerId);
  const groups = view.groups.filter((g) => g.coordinatorBrokerId === brokerId);
  return (
    <>
      <p className="inspector-lede">
        {broker.up
          ? "A Kafka broker: it leads the partitions below (their producers write to it and consumers fetch from it) and acts as group coordinator for the groups whose __consumer_offsets partition it leads."
          : "Stopped: requests sent to it are lost, so its partitions are unavailable to producers and consumers until it starts again."}
      </p>
      <dl className="inspector-stats">
        <dt>status</dt>
        <dd data-testid="broker-status">{broker.up ? "up" : "stopped"}</dd>
        <dt>leader of</dt>
        <dd>{partitions.length} partition(s)</dd>
        <dt>coordinator of</dt>
        <dd>{groups.length === 0 ? "no group" : groups.map((g) => g.groupId).join(", ")}</dd>
      </dl>
      <div className="inspector-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void applyCommand({ type: broker.up ? "stopBroker" : "startBroker", brokerId })}
          data-testid="broker-toggle"
        >
          {broker.up ? `Stop broker ${brokerId}` : `Start broker ${brokerId}`}
        </button>
      </div>
      <h3>Partitions it leads</h3>
      <ul className="inspector-links">
        {partitions.map((p) => {
          const key = `${p.topic}-${p.partition}`;
          return (
            <li key={key}>
              <button type="button" className="link" onClick={() => inspect({ kind: "partition", id: key })}>
                {key}
              </button>{" "}
              LEO {p.logEndOffset}
            </li>
          );
        })}
      </ul>
      <InFlightList messages={view.messages.filter((m) => m.from === actor || m.to === actor)} />
      <h3>Broker configs</h3>
      <dl className="inspector-stats" data-testid="broker-config">
        {view.brokerConfig.map((c) => (
          <div key={c.name} className="config-pair">
            <dt>
              <code>{c.name}</code>
            </dt>
            <dd>
              {c.value.toLocaleString("en-US")}
              {c.value === c.defaultValue ? " (default)" : ""}
            </dd>
          </div>
        ))}
      </dl>
      <p className="inspector-note">
        The group coordinator's settings, from the scenario's cluster.config. Kafka reads them at broker start
        (they are not dynamic), so here they change by editing the scenario.
      </p>
      <p className="inspector-note">
        Simplified: no replication (each partition has one replica, its leader, so the high watermark equals
        the log end offset), and a group's coordinator does not move when its broker stops.
      </p>
    </>
  );
}
