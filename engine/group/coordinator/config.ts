// The broker configs of the classic group coordinator, as `cluster.config` in a scenario. Kafka's
// names and defaults (GroupCoordinatorConfig); the simulator reads them once per use.
import { z } from "zod";

export const GROUP_COORDINATOR_DEFAULTS = {
  /** Wait before completing the first rebalance of an Empty group; each newcomer extends it. */
  "group.initial.rebalance.delay.ms": 3000,
  /** A JoinGroup with a session timeout outside [min, max] gets INVALID_SESSION_TIMEOUT. */
  "group.min.session.timeout.ms": 6000,
  "group.max.session.timeout.ms": 1_800_000,
} as const;

/** CLASSIC_GROUP_NEW_MEMBER_JOIN_TIMEOUT_MS: a new member must complete its first join in 5 minutes. */
export const NEW_MEMBER_JOIN_TIMEOUT_MS = 300_000;

export const clusterConfigSchema = z
  .object({
    "group.initial.rebalance.delay.ms": z.number().int().min(0).max(3_600_000).default(3000),
    "group.min.session.timeout.ms": z.number().int().min(0).max(3_600_000).default(6000),
    "group.max.session.timeout.ms": z.number().int().min(0).max(86_400_000).default(1_800_000),
  })
  .strict();

export type GroupCoordinatorConfig = z.output<typeof clusterConfigSchema>;

/** The scenario's cluster.config, or Kafka's defaults where a field (or the object) is absent. */
export function groupCoordinatorConfig(cluster: object): GroupCoordinatorConfig {
  const configured = (cluster as { config?: Partial<GroupCoordinatorConfig> }).config;
  return { ...GROUP_COORDINATOR_DEFAULTS, ...(configured ?? {}) };
}
