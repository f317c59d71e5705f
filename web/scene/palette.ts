// Colors that survive color blindness and a washed-out projector: the Okabe–Ito palette for keys,
// with a neutral gray for records without a key.

const KEY_COLORS = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999933"];
export const NULL_KEY_COLOR = "#B8BEC6";

/** Stable color for a key: the same key is the same color everywhere, in every run. */
export function keyColor(key: string | null): string {
  if (key === null) return NULL_KEY_COLOR;
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return KEY_COLORS[(h >>> 0) % KEY_COLORS.length]!;
}

/** Text color that stays readable on top of a key color. */
export function inkOn(background: string): string {
  const n = Number.parseInt(background.slice(1), 16);
  const luminance = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return luminance > 150 ? "#111418" : "#FFFFFF";
}

export const API_COLORS: Record<string, string> = {
  ProduceRequest: "#0072B2",
  ProduceResponse: "#5B8DB8",
  FetchRequest: "#009E73",
  FetchResponse: "#009E73",
  MetadataRequest: "#7A7F87",
  MetadataResponse: "#7A7F87",
  ListOffsetsRequest: "#CC79A7",
  ListOffsetsResponse: "#CC79A7",
  FindCoordinatorRequest: "#8C6D1F",
  FindCoordinatorResponse: "#8C6D1F",
  JoinGroupRequest: "#D55E00",
  JoinGroupResponse: "#D55E00",
  SyncGroupRequest: "#B3409A",
  SyncGroupResponse: "#B3409A",
  HeartbeatRequest: "#6B7A8F",
  HeartbeatResponse: "#6B7A8F",
  LeaveGroupRequest: "#A23B2A",
  LeaveGroupResponse: "#A23B2A",
  OffsetCommitRequest: "#7B5EA7",
  OffsetCommitResponse: "#7B5EA7",
  OffsetFetchRequest: "#7B5EA7",
  OffsetFetchResponse: "#7B5EA7",
};

/** Colors for consumer groups' committed-offset markers, in order of appearance. */
export const GROUP_COLORS = ["#7B5EA7", "#0072B2", "#009E73", "#D55E00", "#CC79A7", "#8C6D1F"];
