// `sim assign`: runs one round of a client-side assignor on requests read from stdin, so the
// assignors can be compared with Kafka's own code. One request object in → one response object out;
// a JSON array of requests in → an array of responses, same order; always one line of JSON.
//
// The call is all or nothing: if any request is malformed, nothing is printed on stdout, the first
// bad request's problems go to stderr (each naming its field, e.g. `[4].members[1].topics`) and the
// exit code is 2. Unknown fields are ignored.

import { z } from "zod";
import { ASSIGNOR_NAMES, getAssignor, isAssignorName } from "../group/assignors/registry";
import {
  type AssignmentInput,
  type AssignmentResult,
  type AssignorName,
  parseTopicPartition,
  type TopicPartition,
  topicPartitionKey,
} from "../group/assignors/types";
import type { CliResult, ReadStdin } from "./types";

export const ASSIGN_USAGE = `usage: npm run --silent sim -- assign < requests.json

Reads one request, or a JSON array of requests, on stdin and prints the assignment(s) as one line of JSON.
request:  {"assignor": "${ASSIGNOR_NAMES.join('" | "')}",
           "topics": [{"name": "t", "partitions": 3}],
           "members": [{"memberId": "m1", "groupInstanceId": null, "rackId": null, "topics": ["t"],
                        "ownedPartitions": ["t-0"], "generation": 1}],
           "partitionRacks": {"t-0": ["r1", "r2"]}}
response: {"assignment": {"m1": ["t-0", "t-1", "t-2"]}}
Members are listed in the order the group leader received them. A malformed request fails the whole call (exit 2).
`;

const MAX_ISSUES_SHOWN = 5;

/**
 * Far above any real topic (Kafka advises thousands of partitions per broker, not millions); it keeps
 * a typo such as 1e9 from allocating gigabytes.
 */
const MAX_PARTITIONS_PER_TOPIC = 1_000_000;

const partitionCount = z
  .number({ error: "expected a non-negative integer" })
  .int({ error: "expected a non-negative integer" })
  .min(0, { error: "expected a non-negative integer" })
  .max(MAX_PARTITIONS_PER_TOPIC, { error: `expected at most ${MAX_PARTITIONS_PER_TOPIC} partitions` });

const topicPartitionString = z
  .string({ error: 'expected a "topic-partition" string' })
  .transform((text, ctx): TopicPartition => {
    const tp = parseTopicPartition(text);
    if (tp === null) {
      ctx.addIssue({ code: "custom", message: `expected "topic-partition", got ${JSON.stringify(text)}` });
      return z.NEVER;
    }
    return tp;
  });

const memberSchema = z.object(
  {
    memberId: z.string({ error: "expected a string" }),
    groupInstanceId: z.string({ error: "expected a string or null" }).nullable().default(null),
    rackId: z.string({ error: "expected a string or null" }).nullable().default(null),
    topics: z.array(z.string({ error: "expected a string" }), { error: "expected an array of strings" }),
    ownedPartitions: z
      .array(topicPartitionString, { error: 'expected an array of "topic-partition" strings' })
      .default([]),
    generation: z
      .number({ error: "expected an integer or null" })
      .int({ error: "expected an integer or null" })
      .nullable()
      .default(null),
  },
  { error: "expected a member object" },
);

const requestSchema = z
  .object(
    {
      assignor: z.custom<AssignorName>((value) => typeof value === "string" && isAssignorName(value), {
        error: `expected one of ${ASSIGNOR_NAMES.map((n) => JSON.stringify(n)).join(", ")}`,
      }),
      topics: z.array(
        z.object(
          {
            name: z
              .string({ error: "expected a string" })
              .min(1, { error: "expected a non-empty topic name" }),
            partitions: partitionCount,
          },
          { error: "expected a {name, partitions} object" },
        ),
        { error: "expected an array of {name, partitions} objects" },
      ),
      members: z.array(memberSchema, { error: "expected an array of members" }),
      partitionRacks: z
        .record(
          z.string(),
          z.array(z.string({ error: "expected a string" }), { error: "expected an array of rack strings" }),
          { error: 'expected an object mapping "topic-partition" to rack arrays' },
        )
        .optional(),
    },
    { error: "expected a request object" },
  )
  .superRefine((request, ctx) => {
    const firstTopic = new Map<string, number>();
    request.topics.forEach((topic, i) => {
      const seen = firstTopic.get(topic.name);
      if (seen !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["topics", i, "name"],
          message: `duplicate topic (also topics[${seen}])`,
        });
      } else firstTopic.set(topic.name, i);
    });
    const firstMember = new Map<string, number>();
    request.members.forEach((member, i) => {
      const seen = firstMember.get(member.memberId);
      if (seen !== undefined) {
        const message = `duplicate member id ${JSON.stringify(member.memberId)} (also members[${seen}])`;
        ctx.addIssue({ code: "custom", path: ["members", i, "memberId"], message });
      } else firstMember.set(member.memberId, i);
    });
    for (const key of Object.keys(request.partitionRacks ?? {})) {
      if (parseTopicPartition(key) === null) {
        const message = `key ${JSON.stringify(key)} is not "topic-partition"`;
        ctx.addIssue({ code: "custom", path: ["partitionRacks", key], message });
      }
    }
  });

type AssignRequest = z.output<typeof requestSchema>;

/** `[4].members[1].topics`: array indexes in brackets, keys dotted (quoted when not identifiers). */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/.test(segment))
      out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

const failure = (lines: readonly string[], exitCode: number): CliResult => ({
  stdout: "",
  stderr: lines.map((line) => `assign: ${line}\n`).join(""),
  exitCode,
});

function toInput(request: AssignRequest): AssignmentInput {
  return {
    topics: request.topics,
    members: request.members,
    ...(request.partitionRacks === undefined ? {} : { partitionRacks: request.partitionRacks }),
  };
}

/** Every input member appears, in input order; a null-prototype object so any member id is a plain key. */
function toResponse(
  input: AssignmentInput,
  result: AssignmentResult,
): { assignment: Record<string, string[]> } {
  const assignment: Record<string, string[]> = Object.create(null);
  for (const member of input.members) {
    assignment[member.memberId] = (result.get(member.memberId) ?? []).map(topicPartitionKey);
  }
  return { assignment };
}

export async function runAssignCommand(args: string[], readStdin: ReadStdin): Promise<CliResult> {
  if (args.includes("--help") || args.includes("-h"))
    return { stdout: ASSIGN_USAGE, stderr: "", exitCode: 0 };
  if (args.length > 0)
    return failure([`unexpected argument ${JSON.stringify(args[0])}`, "", ASSIGN_USAGE], 2);

  const text = await readStdin();
  if (text.trim() === "") return failure(["expected a request object or an array of requests on stdin"], 2);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return failure(
      [`stdin is not valid JSON (${error instanceof Error ? error.message : String(error)})`],
      2,
    );
  }

  const batch = Array.isArray(parsed);
  const raw: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const inputs: { assignor: AssignorName; input: AssignmentInput }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const checked = requestSchema.safeParse(raw[i]);
    if (!checked.success) {
      const issues = checked.error.issues.slice(0, MAX_ISSUES_SHOWN);
      const lines = issues.map((issue) => {
        const where = formatPath(batch ? [i, ...issue.path] : issue.path);
        return where === "" ? issue.message : `${where}: ${issue.message}`;
      });
      const more = checked.error.issues.length - issues.length;
      return failure(more > 0 ? [...lines, `… and ${more} more problem(s)`] : lines, 2);
    }
    inputs.push({ assignor: checked.data.assignor, input: toInput(checked.data) });
  }

  const responses: ReturnType<typeof toResponse>[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const { assignor, input } = inputs[i]!;
    try {
      responses.push(toResponse(input, getAssignor(assignor).assign(input)));
    } catch (error) {
      const where = batch ? `[${i}]: ` : "";
      return failure(
        [`${where}${assignor} failed: ${error instanceof Error ? error.message : String(error)}`],
        1,
      );
    }
  }
  return { stdout: `${JSON.stringify(batch ? responses : responses[0])}\n`, stderr: "", exitCode: 0 };
}
