// A message reaches its destination: the actor it is addressed to handles it, or it is dropped
// (a stopped broker, a crashed or closed consumer, no such actor), each with its own event.
import { handleBrokerMessage } from "./broker/broker";
import { handleConsumerMessage } from "./consumer/consumer";
import type { SimContext } from "./context";
import { type NetworkMessage, takeDelivered } from "./core/network";
import { handleProducerMessage } from "./producer/producer";

/** Every arrival is its own event, so stepping through a protocol shows each message landing. */
function delivered(ctx: SimContext, message: NetworkMessage): void {
  ctx.emit({
    type: "messageDelivered",
    messageId: message.id,
    api: message.body.api,
    from: message.from,
    to: message.to,
    sentAtUs: message.sentAtUs,
  });
}

function dropped(ctx: SimContext, message: NetworkMessage, reason: string): void {
  ctx.emit({
    type: "messageDropped",
    messageId: message.id,
    api: message.body.api,
    from: message.from,
    to: message.to,
    reason,
  });
}

export function deliver(ctx: SimContext, messageId: number): void {
  const message = takeDelivered(ctx.state.network, messageId);
  if (!message) return;
  const { state } = ctx;
  if (message.to.startsWith("broker-")) {
    const broker = state.brokers.get(Number(message.to.slice("broker-".length)));
    if (!broker?.up) return dropped(ctx, message, `${message.to} is down`);
    delivered(ctx, message);
    handleBrokerMessage(ctx, broker, message);
    return;
  }
  const producer = state.producers.get(message.to);
  if (producer) {
    delivered(ctx, message);
    return handleProducerMessage(ctx, producer, message.body, message.from);
  }
  const consumer = state.consumers.get(message.to);
  if (consumer) {
    // A crashed (or closed) client is gone: what reaches its address is lost.
    if (consumer.status === "crashed" || consumer.status === "closed") {
      return dropped(ctx, message, `${message.to} is ${consumer.status}`);
    }
    delivered(ctx, message);
    return handleConsumerMessage(ctx, consumer, message.body);
  }
  dropped(ctx, message, `no actor ${message.to}`);
}
