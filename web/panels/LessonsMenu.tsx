// The preset lessons, in teaching order; each opens at its short link (#p=<id>).
import { loadPresetLesson, setLessonsOpen } from "../state/actions";
import { useStore } from "../state/store";
import { MenuButton } from "./MenuButton";

export function LessonsMenu() {
  const open = useStore((s) => s.lessonsOpen);
  const presets = useStore((s) => s.presets);
  return (
    <MenuButton
      label="Lessons"
      open={open}
      onToggle={setLessonsOpen}
      menuId="lessons-menu"
      testId="lessons"
      className="lessons-menu"
    >
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
    </MenuButton>
  );
}
