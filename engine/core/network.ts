// The simulated network. Every message carries when it was sent and when it will arrive, so the
// UI can draw it in flight without asking the engine. Latency is configurable with seeded jitter;
// a message whose target is down when it arrives is dropped (and the drop is an event).
import type { MessageBody } from "../protocol";
import { SimLimitError } from "./errors";
import type { RandomStream } from "./prng";
import type { SimTimeUs } from "./time";

/** "broker-1", "producer-1", "consumer-2": actors are addressed by kind and id. */
export type ActorId = string;

export interface NetworkMessage {
  readonly id: number;
  readonly from: ActorId;
  readonly to: ActorId;
  readonly sentAtUs: SimTimeUs;
  readonly deliverAtUs: SimTimeUs;
  readonly body: MessageBody;
}

export interface NetworkConfig {
  readonly latencyUs: number;
  readonly jitterUs: number;
}

export interface NetworkState {
  inFlight: Map<number, NetworkMessage>;
  nextMessageId: number;
}

export const MESSAGES_IN_FLIGHT_MAX = 200_000;

export function createNetworkState(): NetworkState {
  return { inFlight: new Map(), nextMessageId: 1 };
}

/** Creates the message and registers it as in flight; the caller schedules its delivery. */
export function sendMessage(
  network: NetworkState,
  config: NetworkConfig,
  random: RandomStream,
  nowUs: SimTimeUs,
  from: ActorId,
  to: ActorId,
  body: MessageBody,
): NetworkMessage {
  if (network.inFlight.size >= MESSAGES_IN_FLIGHT_MAX) {
    throw new SimLimitError(`${MESSAGES_IN_FLIGHT_MAX} messages in flight; the scenario is too busy`);
  }
  const jitterUs = config.jitterUs > 0 ? random.intBetween(0, config.jitterUs) : 0;
  const message: NetworkMessage = {
    id: network.nextMessageId++,
    from,
    to,
    sentAtUs: nowUs,
    deliverAtUs: (nowUs + Math.max(1, config.latencyUs + jitterUs)) as SimTimeUs,
    body,
  };
  network.inFlight.set(message.id, message);
  return message;
}

export function takeDelivered(network: NetworkState, messageId: number): NetworkMessage | undefined {
  const message = network.inFlight.get(messageId);
  network.inFlight.delete(messageId);
  return message;
}
