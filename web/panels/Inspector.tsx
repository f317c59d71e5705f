// The side inspector: click an element of the scene for its live numbers, its Kafka configs and a
// short explanation, and the actions Kafka allows on it.

import { MESSAGE_LABELS } from "../scene/MessageLayer";
import { type Inspected, useStore } from "../state/store";
import { inspect } from "../state/ui-actions";
import { BrokerInspector } from "./BrokerInspector";
import { ConsumerInspector } from "./ConsumerInspector";
import { GroupInspector } from "./GroupInspector";
import { MessageInspector } from "./MessageInspector";
import { PartitionInspector } from "./PartitionInspector";
import { ProducerInspector } from "./ProducerInspector";
import { RecordInspector } from "./RecordInspector";

const TITLE_PREFIX: Record<Inspected["kind"], string> = {
  producer: "",
  consumer: "",
  group: "group ",
  broker: "broker ",
  partition: "partition ",
  message: "",
  record: "record ",
};

export function Inspector() {
  const inspected = useStore((s) => s.inspected);
  const view = useStore((s) => s.view);
  if (!inspected || !view) return null;
  const body = (() => {
    switch (inspected.kind) {
      case "producer": {
        const producer = view.producers.find((p) => p.id === inspected.id);
        return producer && <ProducerInspector key={producer.id} producer={producer} />;
      }
      case "consumer": {
        const consumer = view.consumers.find((c) => c.id === inspected.id);
        return consumer && <ConsumerInspector key={consumer.id} consumer={consumer} />;
      }
      case "group": {
        const group = view.groups.find((g) => g.groupId === inspected.id);
        return (
          group && <GroupInspector group={group} consumers={view.consumers} deliveries={view.deliveries} />
        );
      }
      case "broker":
        return <BrokerInspector view={view} brokerId={Number(inspected.id)} />;
      case "partition":
        return <PartitionInspector view={view} partitionKey={inspected.id} />;
      case "message":
        return <MessageInspector message={inspected.message} />;
      case "record":
        return <RecordInspector view={view} record={inspected.record} />;
    }
  })();
  return (
    <aside className="inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <header className="inspector-header">
        <h2 id="inspector-title">
          {TITLE_PREFIX[inspected.kind]}
          {inspected.kind === "message"
            ? (MESSAGE_LABELS[inspected.message.api] ?? inspected.message.api)
            : inspected.id}
        </h2>
        <button
          type="button"
          className="btn btn-icon"
          onClick={() => inspect(null)}
          aria-label="Close inspector"
        >
          ✕
        </button>
      </header>
      {body ?? <p>This element is gone.</p>}
    </aside>
  );
}
