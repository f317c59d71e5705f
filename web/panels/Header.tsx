// The header: product name, the scenario's title, playback, presenter mode, theme and help.
// In presenter and embed modes the editing chrome (theme, help) is hidden.

import { useStore } from "../state/store";
import { setShortcutsOpen, togglePresenter, toggleTheme } from "../state/ui-actions";
import { AddMenu } from "./AddMenu";
import { LessonsMenu } from "./LessonsMenu";
import { PlaybackControls } from "./PlaybackControls";
import { ShareMenu } from "./ShareMenu";

export function Header() {
  const title = useStore((s) => s.view?.title ?? "");
  const theme = useStore((s) => s.theme);
  const presenter = useStore((s) => s.presenter);
  const embed = useStore((s) => s.embed);
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        {!embed && <span className="brand-name">Topicscope</span>}
        {title && <span className="scenario-title">{title}</span>}
      </div>
      <PlaybackControls />
      {!embed && (
        <button
          type="button"
          className="btn"
          onClick={togglePresenter}
          aria-pressed={presenter}
          aria-keyshortcuts="P"
          data-testid="presenter"
        >
          {presenter ? "Exit presenter" : "Presenter"}
        </button>
      )}
      {!presenter && !embed && (
        <>
          <AddMenu />
          <LessonsMenu />
          <ShareMenu />
          <button
            type="button"
            className="btn btn-icon"
            onClick={toggleTheme}
            aria-pressed={theme === "dark"}
            aria-label="Dark theme"
            title={theme === "dark" ? "Switch to the light theme" : "Switch to the dark theme"}
          >
            {theme === "dark" ? "☀" : "☾"}
          </button>
          <button
            type="button"
            className="btn btn-icon"
            onClick={() => setShortcutsOpen(true)}
            aria-label="Keyboard shortcuts"
            aria-keyshortcuts="?"
          >
            ?
          </button>
        </>
      )}
    </header>
  );
}
