// Protects the `sim assign` contract: one request or a batch in, one line of JSON out in the same
// order, every member listed, missing topics skipped, and malformed input failing the whole call
// with a message naming the field.

import { describe, expect, it } from "vitest";
import { rangeAssignor } from "../group/assignors/range";
import { roundRobinAssignor } from "../group/assignors/roundrobin";
import { runAssignCommand } from "./assign-command";

const stdin = (value: unknown) => async () => (typeof value === "string" ? value : JSON.stringify(value));
const run = (value: unknown, args: string[] = []) => runAssignCommand(args, stdin(value));

const sixPartitions = {
  assignor: "range",
  topics: [
    { name: "topic1", partitions: 3 },
    { name: "topic2", partitions: 3 },
  ],
  members: [
    { memberId: "consumer1", topics: ["topic1", "topic2"] },
    { memberId: "consumer2", topics: ["topic1", "topic2"] },
  ],
};

describe("sim assign: requests and responses", () => {
  it("a single request gives a single response on one line", async () => {
    const result = await run(sixPartitions);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      '{"assignment":{"consumer1":["topic1-0","topic1-1","topic2-0","topic2-1"],"consumer2":["topic1-2","topic2-2"]}}\n',
    );
  });

  it("roundrobin through the CLI (Kafka's two-consumer vector)", async () => {
    const result = await run({ ...sixPartitions, assignor: "roundrobin" });
    expect(JSON.parse(result.stdout)).toEqual({
      assignment: {
        consumer1: ["topic1-0", "topic1-2", "topic2-1"],
        consumer2: ["topic1-1", "topic2-0", "topic2-2"],
      },
    });
  });

  it("a topic that does not exist is skipped and every member is listed", async () => {
    const result = await run({
      assignor: "range",
      topics: [{ name: "t", partitions: 2 }],
      members: [
        { memberId: "a", topics: ["ghost", "t"] },
        { memberId: "b", topics: ["ghost"] },
      ],
    });
    expect(JSON.parse(result.stdout)).toEqual({ assignment: { a: ["t-0", "t-1"], b: [] } });
  });

  it("rack-aware range through partitionRacks (Kafka's co-partitioning vector, RF 1 on racks a, b)", async () => {
    const partitionRacks: Record<string, string[]> = {};
    for (let p = 0; p < 6; p++) {
      partitionRacks[`t1-${p}`] = [p % 2 === 0 ? "a" : "b"];
      partitionRacks[`t2-${p}`] = [p % 2 === 0 ? "a" : "b"];
    }
    const result = await run({
      assignor: "range",
      topics: [
        { name: "t1", partitions: 6 },
        { name: "t2", partitions: 6 },
      ],
      members: [
        { memberId: "consumer0", rackId: "a", topics: ["t1", "t2"] },
        { memberId: "consumer1", rackId: "b", topics: ["t1", "t2"] },
      ],
      partitionRacks,
    });
    expect(JSON.parse(result.stdout)).toEqual({
      assignment: {
        consumer0: ["t1-0", "t1-2", "t1-4", "t2-0", "t2-2", "t2-4"],
        consumer1: ["t1-1", "t1-3", "t1-5", "t2-1", "t2-3", "t2-5"],
      },
    });
  });

  it("any member id is a plain key, even __proto__", async () => {
    const result = await run({
      assignor: "roundrobin",
      topics: [{ name: "t", partitions: 2 }],
      members: [
        { memberId: "__proto__", topics: ["t"] },
        { memberId: "constructor", topics: ["t"] },
      ],
    });
    expect(result.stdout).toBe('{"assignment":{"__proto__":["t-0"],"constructor":["t-1"]}}\n');
  });

  it("an array of 1,000 requests gives 1,000 responses in order, quickly", async () => {
    const requests = Array.from({ length: 1000 }, (_, i) => ({
      assignor: i % 2 === 0 ? "range" : "roundrobin",
      topics: [
        { name: "a", partitions: 1 + (i % 7) },
        { name: "b", partitions: i % 5 },
      ],
      members: Array.from({ length: 1 + (i % 4) }, (_, m) => ({
        memberId: `m${(i * 7 + m * 3) % 11}-${m}`,
        groupInstanceId: m % 3 === 0 ? `inst${(i + m) % 4}` : null,
        topics: m % 2 === 0 ? ["a", "b"] : ["b", "missing"],
      })),
    }));
    const result = await run(requests);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.endsWith("\n")).toBe(true);
    expect(result.stdout.indexOf("\n")).toBe(result.stdout.length - 1);
    const responses = JSON.parse(result.stdout) as { assignment: Record<string, string[]> }[];
    expect(responses).toHaveLength(1000);
    responses.forEach((response, i) => {
      const request = requests[i]!;
      const assignor = request.assignor === "range" ? rangeAssignor : roundRobinAssignor;
      const members = request.members.map((m) => ({
        ...m,
        rackId: null,
        ownedPartitions: [],
        generation: null,
      }));
      const direct = assignor.assign({ topics: request.topics, members });
      const expected = Object.fromEntries(
        [...direct].map(([id, tps]) => [id, tps.map((tp) => `${tp.topic}-${tp.partition}`)]),
      );
      expect(response.assignment).toEqual(expected);
    });
  });

  it.each(["range", "roundrobin"])(
    "%s handles 1,000 members × 10,000 partitions in one request",
    async (assignor) => {
      const members = Array.from({ length: 1000 }, (_, i) => ({
        memberId: `consumer-${i}`,
        rackId: assignor === "range" ? ["a", "b", "c"][i % 3] : null,
        topics: i % 2 === 0 ? ["big", "other"] : ["big"],
      }));
      const partitionRacks: Record<string, string[]> = {};
      for (let p = 0; p < 10_000; p++) partitionRacks[`big-${p}`] = [["a", "b", "c"][p % 3]!];
      const result = await run({
        assignor,
        topics: [
          { name: "big", partitions: 10_000 },
          { name: "other", partitions: 10_000 },
        ],
        members,
        partitionRacks,
      });
      const { assignment } = JSON.parse(result.stdout) as { assignment: Record<string, string[]> };
      const all = Object.values(assignment).flat();
      expect(all).toHaveLength(20_000);
      expect(new Set(all).size).toBe(20_000);
    },
  );
});

/** The sticky assignors' list order is theirs to pin; here only the sets matter. */
function sortedLists(stdout: string): Record<string, string[]> {
  const { assignment } = JSON.parse(stdout) as { assignment: Record<string, string[]> };
  return Object.fromEntries(Object.entries(assignment).map(([id, tps]) => [id, [...tps].sort()]));
}

describe("sim assign: sticky assignors", () => {
  const oneTopic = {
    topics: [{ name: "topic", partitions: 3 }],
    members: [
      {
        memberId: "consumer1",
        topics: ["topic"],
        ownedPartitions: ["topic-0", "topic-1", "topic-2"],
        generation: 1,
      },
      { memberId: "consumer2", topics: ["topic"], ownedPartitions: [], generation: 1 },
    ],
  };

  it("sticky moves topic-2 to the new member at once", async () => {
    const result = await run({ assignor: "sticky", ...oneTopic });
    expect(sortedLists(result.stdout)).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: ["topic-2"] });
  });

  it("cooperative-sticky withholds topic-2 while consumer1 still owns it", async () => {
    const result = await run({ assignor: "cooperative-sticky", ...oneTopic });
    expect(sortedLists(result.stdout)).toEqual({ consumer1: ["topic-0", "topic-1"], consumer2: [] });
  });

  it("rack-aware sticky and cooperative-sticky answer what Kafka 3.8+'s classes answer (issue 11)", async () => {
    const requests = [
      '{"assignor":"sticky","topics":[{"name":"a","partitions":4}],"partitionRacks":{"a-0":["rack-c"],"a-1":["rack-a","rack-b"],"a-2":["rack-c"],"a-3":["rack-a","rack-b"]},"members":[{"memberId":"m0","rackId":"rack-c","topics":["a"],"ownedPartitions":[],"generation":null},{"memberId":"m1","rackId":"rack-a","topics":["a"],"ownedPartitions":[],"generation":null},{"memberId":"m2","rackId":null,"topics":["a"],"ownedPartitions":[],"generation":null}]}',
      '{"assignor":"sticky","topics":[{"name":"a","partitions":1},{"name":"b","partitions":4}],"partitionRacks":{"a-0":["rack-c","rack-b"],"b-0":["rack-c"],"b-1":["rack-b","rack-a"],"b-2":["rack-c"],"b-3":["rack-c","rack-a"]},"members":[{"memberId":"m0","rackId":"rack-a","topics":["a","b"],"ownedPartitions":["b-1","b-3"],"generation":3},{"memberId":"m1","rackId":"rack-a","topics":["a","b"],"ownedPartitions":["b-2"],"generation":3},{"memberId":"m2","rackId":"rack-c","topics":["a","b"],"ownedPartitions":[],"generation":null},{"memberId":"m3","rackId":null,"topics":["a","b"],"ownedPartitions":[],"generation":null}]}',
      '{"assignor":"cooperative-sticky","topics":[{"name":"a","partitions":2}],"partitionRacks":{"a-0":["rack-c"],"a-1":["rack-a","rack-c"]},"members":[{"memberId":"m0","rackId":"rack-c","topics":["a"],"ownedPartitions":[],"generation":null},{"memberId":"m1","rackId":"rack-b","topics":["a"],"ownedPartitions":["a-0","a-1"],"generation":2}]}',
    ];
    const result = await run(`[${requests.join(",")}]`);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      "[" +
        '{"assignment":{"m0":["a-0","a-2"],"m1":["a-1"],"m2":["a-3"]}},' +
        '{"assignment":{"m0":["b-1","b-3"],"m1":["b-0"],"m2":["a-0"],"m3":["b-2"]}},' +
        '{"assignment":{"m0":[],"m1":["a-1"]}}' +
        "]\n",
    );
  });
});

describe("sim assign: malformed input fails the whole call", () => {
  const badMember = (patch: Record<string, unknown>) => ({
    ...sixPartitions,
    members: [sixPartitions.members[0], { ...sixPartitions.members[1], ...patch }],
  });

  it.each<[string, unknown, string]>([
    ["empty stdin", "", "assign: expected a request object or an array of requests on stdin\n"],
    ["invalid JSON", "{", "assign: stdin is not valid JSON"],
    ["not an object", 42, "assign: expected a request object\n"],
    ["unknown assignor", { ...sixPartitions, assignor: "fair" }, 'assign: assignor: expected one of "range"'],
    [
      "topics not an array",
      { ...sixPartitions, topics: {} },
      "assign: topics: expected an array of {name, partitions}",
    ],
    [
      "negative partition count",
      { ...sixPartitions, topics: [{ name: "topic1", partitions: -1 }] },
      "assign: topics[0].partitions: expected a non-negative integer\n",
    ],
    [
      "fractional partition count",
      { ...sixPartitions, topics: [{ name: "topic1", partitions: 1.5 }] },
      "assign: topics[0].partitions: expected a non-negative integer\n",
    ],
    [
      "absurd partition count",
      { ...sixPartitions, topics: [{ name: "topic1", partitions: 1e9 }] },
      "assign: topics[0].partitions: expected at most 1000000 partitions\n",
    ],
    [
      "duplicate topic",
      { ...sixPartitions, topics: [...sixPartitions.topics, { name: "topic1", partitions: 1 }] },
      "assign: topics[2].name: duplicate topic (also topics[0])\n",
    ],
    [
      "members not an array",
      { ...sixPartitions, members: "x" },
      "assign: members: expected an array of members\n",
    ],
    [
      "member topics not an array",
      badMember({ topics: "topic1" }),
      "assign: members[1].topics: expected an array of strings\n",
    ],
    [
      "duplicate member id",
      badMember({ memberId: "consumer1" }),
      'assign: members[1].memberId: duplicate member id "consumer1" (also members[0])\n',
    ],
    [
      "unparsable owned partition",
      badMember({ ownedPartitions: ["topic1-0", "topic1"] }),
      'assign: members[1].ownedPartitions[1]: expected "topic-partition", got "topic1"\n',
    ],
    [
      "bad instance id",
      badMember({ groupInstanceId: 7 }),
      "assign: members[1].groupInstanceId: expected a string or null\n",
    ],
    [
      "bad generation",
      badMember({ generation: "1" }),
      "assign: members[1].generation: expected an integer or null\n",
    ],
    [
      "bad partitionRacks key",
      { ...sixPartitions, partitionRacks: { "topic1-x": ["a"] } },
      'assign: partitionRacks["topic1-x"]: key "topic1-x" is not "topic-partition"\n',
    ],
    [
      "bad partitionRacks value",
      { ...sixPartitions, partitionRacks: { "topic1-0": "a" } },
      'assign: partitionRacks["topic1-0"]: expected an array of rack strings\n',
    ],
  ])("%s", async (_, input, message) => {
    const result = await run(input);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith(message)).toBe(true);
  });

  it("one bad element of a batch fails the call and is named by its index", async () => {
    const batch = Array.from({ length: 6 }, () => sixPartitions);
    batch[4] = badMember({ topics: 3 }) as typeof sixPartitions;
    const result = await run(batch);
    expect(result).toEqual({
      stdout: "",
      stderr: "assign: [4].members[1].topics: expected an array of strings\n",
      exitCode: 2,
    });
  });

  it("an empty batch is an empty array", async () => {
    expect(await run([])).toEqual({ stdout: "[]\n", stderr: "", exitCode: 0 });
  });

  it("--help prints usage; other arguments are refused", async () => {
    const help = await run("", ["--help"]);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("usage:");
    const extra = await run(sixPartitions, ["--fast"]);
    expect(extra.exitCode).toBe(2);
    expect(extra.stderr).toContain('unexpected argument "--fast"');
  });
});
