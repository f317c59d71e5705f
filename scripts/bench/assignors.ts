// Kafka's client assignors at scale: 1,000 members x 10,000 partitions (10 topics x 1,000).
import { getAssignor } from "../../engine/group/assignors/registry";
import type {
  AssignmentInput,
  AssignmentResult,
  AssignorName,
  MemberSubscription,
} from "../../engine/group/assignors/types";
import type { RunContext } from "./engine";
import type { FigureName, Measured } from "./figures";
import { median } from "./stats";

const MEMBERS = 1000;
const TOPICS = Array.from({ length: 10 }, (_, i) => ({ name: `topic-${i}`, partitions: 1000 }));

function memberId(i: number): string {
  // Like Kafka's `${client.id}-${uuid}`: a stable pseudo-random suffix, so sort order is not index order.
  return `consumer-${i}-${(Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(8, "0")}`;
}

function member(i: number, topics: readonly string[]): MemberSubscription {
  return {
    memberId: memberId(i),
    groupInstanceId: null,
    rackId: null,
    topics,
    ownedPartitions: [],
    generation: null,
  };
}

/** Every member subscribes to all 10 topics. */
export function uniformInput(): AssignmentInput {
  const all = TOPICS.map((t) => t.name);
  return { topics: TOPICS, members: Array.from({ length: MEMBERS }, (_, i) => member(i, all)) };
}

/** Members subscribe to different subsets (between 4 and 7 of the 10 topics); every topic has subscribers. */
export function mixedInput(): AssignmentInput {
  return {
    topics: TOPICS,
    members: Array.from({ length: MEMBERS }, (_, i) =>
      member(
        i,
        TOPICS.filter((_, j) => (i + j) % 3 !== 0 || j === i % 10).map((t) => t.name),
      ),
    ),
  };
}

/**
 * The round after `first`: every member reports what it owned (generation 1), member 0 has left
 * and a new member joined, so the assignor moves a share of partitions and keeps the rest.
 */
export function rebalanceInput(first: AssignmentResult): AssignmentInput {
  const all = TOPICS.map((t) => t.name);
  const members = Array.from({ length: MEMBERS - 1 }, (_, k): MemberSubscription => {
    const i = k + 1;
    return { ...member(i, all), ownedPartitions: first.get(memberId(i)) ?? [], generation: 1 };
  });
  members.push(member(MEMBERS, all));
  return { topics: TOPICS, members };
}

function time(name: AssignorName, input: AssignmentInput, runs: number): number {
  const assignor = getAssignor(name);
  assignor.assign(input); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    assignor.assign(input);
    times.push(performance.now() - t);
  }
  return median(times);
}

const VARIANT_FIGURES: Record<
  AssignorName,
  { worst: FigureName; uniform: FigureName; mixed: FigureName; rebalance?: FigureName }
> = {
  sticky: {
    worst: "assignStickyMs",
    uniform: "assignStickyUniformMs",
    mixed: "assignStickyMixedMs",
    rebalance: "assignStickyRebalanceMs",
  },
  "cooperative-sticky": {
    worst: "assignCooperativeStickyMs",
    uniform: "assignCooperativeStickyUniformMs",
    mixed: "assignCooperativeStickyMixedMs",
    rebalance: "assignCooperativeStickyRebalanceMs",
  },
  range: { worst: "assignRangeMs", uniform: "assignRangeUniformMs", mixed: "assignRangeMixedMs" },
  roundrobin: {
    worst: "assignRoundrobinMs",
    uniform: "assignRoundrobinUniformMs",
    mixed: "assignRoundrobinMixedMs",
  },
};

export async function measureAssignors(ctx: RunContext, wanted: ReadonlySet<FigureName>): Promise<Measured> {
  const runs = ctx.quick ? 1 : 5;
  const uniform = uniformInput();
  const mixed = mixedInput();
  const out: Measured = {};
  for (const name of ["range", "roundrobin", "sticky", "cooperative-sticky"] as const) {
    const figures = VARIANT_FIGURES[name];
    if (!Object.values(figures).some((f) => wanted.has(f))) continue;
    const u = time(name, uniform, runs);
    const m = time(name, mixed, runs);
    out[figures.uniform] = u;
    out[figures.mixed] = m;
    // The named figure: the worse of a first round with uniform and with mixed subscriptions.
    out[figures.worst] = Math.max(u, m);
    let line = `assign ${name}: uniform ${u.toFixed(1)} ms, mixed ${m.toFixed(1)} ms`;
    if (figures.rebalance && wanted.has(figures.rebalance)) {
      const r = time(name, rebalanceInput(getAssignor(name).assign(uniform)), runs);
      out[figures.rebalance] = r;
      line += `, rebalance ${r.toFixed(1)} ms`;
    }
    ctx.log(`${line} (median of ${runs} after a warm-up)`);
  }
  return out;
}
