// The preset lessons, in teaching order; each opens at its short link (#p=<id>).
import { loadPresetLesson, setLessonsOpen } from "../state/actions";
import { useStore } from "../state/store";

export function LessonsMenu() {
  const open = useStore((s) => s.lessonsOpen);
  const presets = useStore((s) => s.presets);
  return (
    <div className="share">
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls="lessons-menu"
        onClick={() => setLessonsOpen(!open)}
        data-testid="lessons"
      >
        Lessons
      </button>
      {open && (
        <div className="share-menu lessons-menu" id="lessons-menu" data-testid="lessons-menu">
          {presets.length === 0 && <p className="inspector-note">Loading…</p>}
          {presets.map((preset) => (
            <button
              key={preset.id}
              type="button"
              className="btn lesson-item"
              onClick={() => void loadPresetLesson(preset.id)}
              title={preset.learn.join(" ")}
            >
              {preset.title}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
