// What each scene element's context menu offers: the actions Kafka allows on it right now. The
// same commands as the inspectors' buttons, one right click (or the context-menu key) away.
import type { SimView } from "../../engine/view";
import { applyCommand } from "../state/actions";
import type { ContextTarget } from "../state/store";
import { inspect, openAddDialog } from "../state/ui-actions";
import { addMember } from "./GroupInspector";

export interface MenuItem {
  label: string;
  run: () => void;
  disabled?: boolean;
  /** Kafka's reason the action is unavailable, shown as the item's title. */
  why?: string;
}

const topicOfPartition = (view: SimView, key: string) =>
  view.topics.find((t) => t.partitions.some((p) => `${t.name}-${p.partition}` === key))?.name;

export function sceneItems(view: SimView): MenuItem[] {
  const single = view.topics.length === 1 ? view.topics[0]!.name : undefined;
  return [
    { label: "Add a producer…", run: () => openAddDialog({ kind: "addProducer", topic: single }) },
    { label: "Add a consumer group…", run: () => openAddDialog({ kind: "addGroup", topic: single }) },
    {
      label: "Add partitions…",
      run: () => openAddDialog({ kind: "addPartitions", topic: single ?? view.topics[0]!.name }),
    },
  ];
}

export function contextItems(view: SimView, target: ContextTarget): MenuItem[] {
  const details = { label: "Details", run: () => target.kind !== "scene" && inspect(target) };
  switch (target.kind) {
    case "scene":
      return sceneItems(view);
    case "producer": {
      const p = view.producers.find((x) => x.id === target.id);
      if (!p) return [details];
      const closing = p.status === "closing";
      const cmd = (type: string) => () => void applyCommand({ type, producerId: p.id });
      return [
        details,
        {
          label: p.paused ? "Resume producing" : "Pause producing",
          run: cmd(p.paused ? "resumeProducer" : "pauseProducer"),
          disabled: closing,
        },
        { label: "Change rate or configs…", run: () => inspect(target), disabled: closing },
        { label: "Close producer", run: cmd("closeProducer"), disabled: closing, why: "already closing" },
      ];
    }
    case "consumer": {
      const c = view.consumers.find((x) => x.id === target.id);
      if (!c) return [details];
      const dead = c.activity === "dead";
      const cmd = (type: string) => () => void applyCommand({ type, consumerId: c.id });
      const group = c.mode === "subscribe";
      return [
        details,
        {
          label: c.paused ? "Resume" : "Pause",
          run: cmd(c.paused ? "resumeConsumer" : "pauseConsumer"),
          disabled: dead || !group,
        },
        { label: "Change processing time…", run: () => inspect(target) },
        { label: "Crash (no LeaveGroup)", run: cmd("crashConsumer"), disabled: dead || !group },
        { label: "Close (LeaveGroup)", run: cmd("closeConsumer"), disabled: dead || !group },
        { label: "Restart", run: cmd("restartConsumer"), disabled: !dead, why: "it is running" },
      ];
    }
    case "group": {
      const g = view.groups.find((x) => x.groupId === target.id);
      if (!g) return [details];
      const members = view.consumers.filter((c) => c.groupId === g.groupId && c.activity !== "dead");
      return [
        details,
        { label: `Add a consumer to ${g.groupId}`, run: () => addMember(g, view.consumers) },
        {
          label: "Close all members",
          run: () => {
            for (const m of members) void applyCommand({ type: "closeConsumer", consumerId: m.id });
          },
          disabled: members.length === 0,
        },
        {
          label: "Delete group",
          run: () => void applyCommand({ type: "deleteGroup", groupId: g.groupId }),
          disabled: g.state !== "Empty",
          why: "Kafka deletes only an Empty group (NON_EMPTY_GROUP): close its members first",
        },
      ];
    }
    case "broker": {
      const b = view.brokers.find((x) => String(x.id) === target.id);
      if (!b) return [details];
      return [
        details,
        {
          label: b.up ? `Stop broker ${b.id}` : `Start broker ${b.id}`,
          run: () => void applyCommand({ type: b.up ? "stopBroker" : "startBroker", brokerId: b.id }),
        },
      ];
    }
    case "partition": {
      const topic = topicOfPartition(view, target.id);
      return topic
        ? [
            details,
            {
              label: `Add partitions to ${topic}…`,
              run: () => openAddDialog({ kind: "addPartitions", topic }),
            },
          ]
        : [details];
    }
    case "message":
    case "record":
      return [details];
  }
}
