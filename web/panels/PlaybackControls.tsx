// Play, pause, step exactly one event forward or back, and speed. Keyboard: space plays/pauses,
// → steps, ← steps back, + and − change speed.

import { formatSimTime } from "../lessons/narrate";
import { stepBackOnce, stepOnce, stepToNext } from "../state/actions";
import { SPEEDS, useStore } from "../state/store";
import { changeSpeed, setSpeed, togglePlay } from "../state/ui-actions";

function speedLabel(speed: number): string {
  return speed >= 1 ? `${speed}×` : `1/${Math.round(1 / speed)}×`;
}

export function PlaybackControls() {
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  const playheadUs = useStore((s) => s.playheadUs);
  const stepCount = useStore((s) => s.view?.stepCount ?? 0);
  const ready = useStore((s) => s.view !== null && s.engineError === null);
  return (
    <fieldset className="playback">
      <legend className="sr-only">Playback</legend>
      <button
        type="button"
        className="btn btn-primary"
        onClick={togglePlay}
        disabled={!ready}
        aria-keyshortcuts="Space"
        data-testid="play"
      >
        {playing ? "❚❚ Pause" : "▶ Play"}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void stepBackOnce()}
        disabled={!ready || stepCount === 0}
        aria-keyshortcuts="ArrowLeft"
        data-testid="step-back"
      >
        ‹ Back
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void stepOnce()}
        disabled={!ready}
        aria-keyshortcuts="ArrowRight"
        data-testid="step"
      >
        Step ›
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void stepToNext("protocol")}
        disabled={!ready}
        aria-keyshortcuts="N"
        title="Step to the next group protocol message (JoinGroup, SyncGroup, LeaveGroup, commits…)"
        data-testid="step-protocol"
      >
        » Protocol
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void stepToNext("stateChange")}
        disabled={!ready}
        aria-keyshortcuts="M"
        title="Step to the next state change (a group's state, a rebalance, a crash…)"
        data-testid="step-state"
      >
        » State
      </button>
      <label className="speed">
        <span className="sr-only">Speed</span>
        <select
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value))}
          data-testid="speed"
          aria-keyshortcuts="+ -"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-icon" onClick={() => changeSpeed(-1)} aria-label="Slower">
        −
      </button>
      <button type="button" className="btn btn-icon" onClick={() => changeSpeed(1)} aria-label="Faster">
        +
      </button>
      <output className="clock" data-testid="clock" aria-label="Simulated time">
        <span className="clock-time">t = {formatSimTime(playheadUs)}</span>
        <span className="clock-steps" data-testid="step-count">
          step {stepCount}
        </span>
      </output>
    </fieldset>
  );
}
