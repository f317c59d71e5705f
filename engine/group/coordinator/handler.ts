// The broker's entry point for group APIs: FindCoordinator (any broker answers), and the group
// requests the coordinator serves. engine/broker/broker.ts hands every group message here.
import { brokerActor, type SimContext } from "../../context";
import type { NetworkMessage } from "../../core/network";
import { handleOffsetCommit, handleOffsetFetch } from "../offsets/offsets";
import type { GroupMessageBody } from "../protocol";
import { handleJoinGroup } from "./join";
import { handleHeartbeat, handleLeaveGroup } from "./membership";
import { coordinatorBrokerFor } from "./placement";
import { handleSyncGroup } from "./sync";

export function handleGroupRequest(
  ctx: SimContext,
  brokerId: number,
  message: NetworkMessage,
  body: GroupMessageBody,
): void {
  const actor = message.from;
  switch (body.api) {
    case "FindCoordinatorRequest": {
      const coordinator = coordinatorBrokerFor(body.key, ctx.state.brokers.size);
      // The partition's leader is offline (no failover yet): the client must retry.
      const up = ctx.state.brokers.get(coordinator)?.up ?? false;
      void ctx.send(brokerActor(brokerId), actor, {
        api: "FindCoordinatorResponse",
        key: body.key,
        error: up ? "NONE" : "COORDINATOR_NOT_AVAILABLE",
        nodeId: up ? coordinator : -1,
      });
      return;
    }
    case "JoinGroupRequest":
      return handleJoinGroup(ctx, brokerId, actor, body);
    case "SyncGroupRequest":
      return handleSyncGroup(ctx, brokerId, actor, body);
    case "HeartbeatRequest":
      return handleHeartbeat(ctx, brokerId, actor, body);
    case "LeaveGroupRequest":
      return handleLeaveGroup(ctx, brokerId, actor, body);
    case "OffsetCommitRequest":
      return handleOffsetCommit(ctx, brokerId, actor, body);
    case "OffsetFetchRequest":
      return handleOffsetFetch(ctx, brokerId, actor, body);
    case "FindCoordinatorResponse":
    case "JoinGroupResponse":
    case "SyncGroupResponse":
    case "HeartbeatResponse":
    case "LeaveGroupResponse":
    case "OffsetCommitResponse":
    case "OffsetFetchResponse":
      return;
    default: {
      const unreachable: never = body;
      throw new Error(`unhandled group message ${JSON.stringify(unreachable)}`);
    }
  }
}
