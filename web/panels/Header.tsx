// The header: product name, the scenario's title, playback, and the theme switch.
import { toggleTheme } from "../state/actions";
import { useStore } from "../state/store";
import { PlaybackControls } from "./PlaybackControls";

export function Header() {
  const title = useStore((s) => s.view?.title ?? "");
  const theme = useStore((s) => s.theme);
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Topicscope</span>
        {title && <span className="scenario-title">{title}</span>}
      </div>
      <PlaybackControls />
      <button type="button" className="btn" onClick={toggleTheme} aria-pressed={theme === "dark"}>
        {theme === "dark" ? "☀ Light" : "☾ Dark"}
      </button>
    </header>
  );
}
