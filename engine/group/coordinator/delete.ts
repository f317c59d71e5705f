// DeleteGroups (`kafka-consumer-groups --delete --group g`): the coordinator deletes a group only
// when it is Empty (no members): NON_EMPTY_GROUP otherwise, GROUP_ID_NOT_FOUND if it does not
// exist. The group goes Dead, its committed offsets are tombstoned, and it is gone from the list.
// A consumer that later joins with the same group.id starts a new, empty group.
import type { SimContext } from "../../context";
import { CommandError } from "../../core/errors";
import type { SimState } from "../../state";
import { transitionTo } from "./rebalance";

/** Throws Kafka's error (code and message) when the group cannot be deleted. */
export function validateDeleteGroup(state: SimState, groupId: string): void {
  const group = state.groupCoordinator.groups.get(groupId);
  if (!group) throw new CommandError(`deleteGroup: GROUP_ID_NOT_FOUND: The group id does not exist.`);
  if (group.state !== "Empty") {
    throw new CommandError(
      `deleteGroup: NON_EMPTY_GROUP: The group is not empty. (${groupId} is ${group.state} with ${group.members.size} member(s); close them first)`,
    );
  }
}

export function deleteGroup(ctx: SimContext, groupId: string): void {
  const { groupCoordinator } = ctx.state;
  const group = groupCoordinator.groups.get(groupId)!;
  transitionTo(ctx, group, "Dead", "the group was deleted");
  const offsetsDeleted = groupCoordinator.offsets.get(groupId)?.size ?? 0;
  groupCoordinator.offsets.delete(groupId);
  groupCoordinator.groups.delete(groupId);
  ctx.emit({ type: "groupDeleted", groupId, offsetsDeleted });
}
