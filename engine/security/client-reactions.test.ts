// Protects the Java clients' reactions to authorization errors (kafka-semantics.md §9.3) as data:
// a denied send fails its callback and is not retried, a denied InitProducerId is retried, the
// classic consumer's poll() throws and stays usable; each case has exactly one reaction.
import { describe, expect, it } from "vitest";
import { CLIENT_REACTIONS, clientReaction, reactionMessage } from "./client-reactions";

describe("the Java clients' reactions", () => {
  it("a producer's send to a denied topic fails in its callback with TopicAuthorizationException, not retried", () => {
    const reaction = clientReaction("producer", "Produce", "TOPIC_AUTHORIZATION_FAILED");
    expect(reaction).toMatchObject({
      exception: "TopicAuthorizationException",
      retried: false,
      state: "usable",
    });
    expect(reactionMessage(reaction!, ["orders"])).toBe("Not authorized to access topics: [orders]");
  });

  it("a transactional producer denied a topic must abort its transaction", () => {
    expect(clientReaction("transactional producer", "Produce", "TOPIC_AUTHORIZATION_FAILED")?.state).toBe(
      "abortable",
    );
  });

  it("a denied InitProducerId fails the queued batches and is retried on the next send (not fatal since 3.6)", () => {
    const reaction = clientReaction("producer", "InitProducerId", "CLUSTER_AUTHORIZATION_FAILED");
    expect(reaction).toMatchObject({
      retried: true,
      state: "uninitialized",
      exception: "ClusterAuthorizationException",
    });
  });

  it("TRANSACTIONAL_ID_AUTHORIZATION_FAILED outside InitProducerId is fatal", () => {
    expect(
      clientReaction("transactional producer", "EndTxn", "TRANSACTIONAL_ID_AUTHORIZATION_FAILED")?.state,
    ).toBe("fatal");
  });

  it("TOPIC_AUTHORIZATION_FAILED in TxnOffsetCommit is fatal, unlike in AddPartitionsToTxn", () => {
    expect(
      clientReaction("transactional producer", "TxnOffsetCommit", "TOPIC_AUTHORIZATION_FAILED")?.state,
    ).toBe("fatal");
    expect(
      clientReaction("transactional producer", "AddPartitionsToTxn", "TOPIC_AUTHORIZATION_FAILED")?.state,
    ).toBe("abortable");
  });

  it("the classic consumer's poll() throws GroupAuthorizationException and the consumer stays usable", () => {
    const reaction = clientReaction("classic consumer", "JoinGroup", "GROUP_AUTHORIZATION_FAILED");
    expect(reaction).toMatchObject({ state: "usable", retried: true });
    expect(reactionMessage(reaction!, ["audit"])).toBe("Not authorized to access group: audit");
  });

  it("with group.protocol=consumer a group denial makes the member fatal", () => {
    expect(
      clientReaction("consumer protocol consumer", "ConsumerGroupHeartbeat", "GROUP_AUTHORIZATION_FAILED")
        ?.state,
    ).toBe("fatal");
  });

  it("no case has two reactions", () => {
    const seen = new Set<string>();
    for (const reaction of CLIENT_REACTIONS) {
      for (const api of reaction.apis) {
        for (const error of reaction.errors) {
          const key = `${reaction.client} ${api} ${error}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        }
      }
    }
  });
});
