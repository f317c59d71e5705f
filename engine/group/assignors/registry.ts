// The client assignors by their `partition.assignment.strategy` names, and how a consumer configured
// with several of them picks its rebalance protocol (ConsumerCoordinator's constructor).

import { cooperativeStickyAssignor } from "./cooperative-sticky";
import { rangeAssignor } from "./range";
import { roundRobinAssignor } from "./roundrobin";
import { stickyAssignor } from "./sticky";
import type { Assignor, AssignorName, RebalanceProtocol } from "./types";

export const ASSIGNOR_NAMES: readonly AssignorName[] = [
  "range",
  "roundrobin",
  "sticky",
  "cooperative-sticky",
];

/** Kafka 4.x default `partition.assignment.strategy`: RangeAssignor, CooperativeStickyAssignor. */
export const DEFAULT_ASSIGNOR_NAMES: readonly AssignorName[] = ["range", "cooperative-sticky"];

const BY_NAME: Readonly<Record<AssignorName, Assignor>> = {
  range: rangeAssignor,
  roundrobin: roundRobinAssignor,
  sticky: stickyAssignor,
  "cooperative-sticky": cooperativeStickyAssignor,
};

export function isAssignorName(name: string): name is AssignorName {
  return (ASSIGNOR_NAMES as readonly string[]).includes(name);
}

export function getAssignor(name: AssignorName): Assignor {
  return BY_NAME[name];
}

/** Java's RebalanceProtocol enum order: COOPERATIVE ranks above EAGER. */
const PROTOCOL_RANK: Readonly<Record<RebalanceProtocol, number>> = { EAGER: 0, COOPERATIVE: 1 };

/**
 * The client runs the highest protocol that every configured assignor supports, so the default
 * [range, cooperative-sticky] runs EAGER until `range` is removed. Kafka refuses to start a
 * consumer whose assignors share no protocol, or that has none.
 */
export function selectRebalanceProtocol(assignorNames: readonly AssignorName[]): RebalanceProtocol {
  const [first, ...rest] = assignorNames;
  if (first === undefined) throw new Error("partition.assignment.strategy lists no assignor");
  let common: RebalanceProtocol[] = [...getAssignor(first).supportedProtocols];
  for (const name of rest) {
    const supported = getAssignor(name).supportedProtocols;
    common = common.filter((protocol) => supported.includes(protocol));
  }
  if (common.length === 0) {
    throw new Error(`assignors ${assignorNames.join(", ")} have no commonly supported rebalance protocol`);
  }
  return common.reduce((best, p) => (PROTOCOL_RANK[p] > PROTOCOL_RANK[best] ? p : best));
}
