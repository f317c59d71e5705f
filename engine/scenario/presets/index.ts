// The preset lessons, in teaching order. Each is a scenario file with a lesson; its id is its
// short link (`#p=<id>`) and the CLI's `--preset <id>`.
import helloKafka from "./01-hello-kafka.json";
import keysAndOrdering from "./02-keys-and-ordering.json";
import javaVsLibrdkafka from "./03-java-vs-librdkafka.json";
import batching from "./04-batching.json";
import scalingAGroup from "./05-scaling-a-group.json";
import idleConsumers from "./06-idle-consumers.json";
import fourthConsumerJoins from "./07-fourth-consumer-joins.json";
import consumerCrash from "./08-consumer-crash.json";
import slowConsumer from "./09-slow-consumer.json";
import staticMembership from "./10-static-membership.json";
import twoGroupsOneTopic from "./11-two-groups-one-topic.json";
import assignVsSubscribe from "./12-assign-vs-subscribe.json";
import commitStrategies from "./13-commit-strategies.json";
import assignorsCompared from "./14-assignors-compared.json";
import addingPartitions from "./15-adding-partitions.json";
import fourthConsumerJoinsCooperative from "./16-fourth-consumer-joins-cooperative.json";
import rackAwareConsumers from "./17-rack-aware-consumers.json";

export interface PresetEntry {
  readonly id: string;
  /** The scenario as stored; it goes through the same decoder as any file or link. */
  readonly raw: unknown;
}

export const PRESETS: readonly PresetEntry[] = [
  { id: "hello-kafka", raw: helloKafka },
  { id: "keys-and-ordering", raw: keysAndOrdering },
  { id: "java-vs-librdkafka", raw: javaVsLibrdkafka },
  { id: "batching", raw: batching },
  { id: "scaling-a-group", raw: scalingAGroup },
  { id: "idle-consumers", raw: idleConsumers },
  { id: "fourth-consumer-joins", raw: fourthConsumerJoins },
  { id: "consumer-crash", raw: consumerCrash },
  { id: "slow-consumer", raw: slowConsumer },
  { id: "static-membership", raw: staticMembership },
  { id: "two-groups-one-topic", raw: twoGroupsOneTopic },
  { id: "assign-vs-subscribe", raw: assignVsSubscribe },
  { id: "commit-strategies", raw: commitStrategies },
  { id: "assignors-compared", raw: assignorsCompared },
  { id: "adding-partitions", raw: addingPartitions },
  { id: "fourth-consumer-joins-cooperative", raw: fourthConsumerJoinsCooperative },
  { id: "rack-aware-consumers", raw: rackAwareConsumers },
];
