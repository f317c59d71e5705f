// Keyboard operation for the classroom: space plays/pauses, → steps one event, ← steps back one,
// N / M step to the next protocol message / state change, + / − change speed, P presenter mode,
// ? the list of shortcuts, Esc closes it.
// Shortcuts stay out of the way while the user types in a field or works a control.
import { useEffect } from "react";
import { setEditorOpen, stepBackOnce, stepOnce, stepToNext } from "./actions";
import { useStore } from "./store";
import { changeSpeed, setShortcutsOpen, togglePlay, togglePresenter } from "./ui-actions";

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "Escape" && useStore.getState().shortcutsOpen) {
        setShortcutsOpen(false);
        return;
      }
      if (event.key === "Escape" && useStore.getState().editorDraft) {
        void setEditorOpen(false);
        return;
      }
      // While the editor is open, keys belong to its fields.
      if (useStore.getState().editorDraft) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, select, textarea, button, [contenteditable]")) return;
      if (event.key === " ") togglePlay();
      else if (event.key === "ArrowRight") void stepOnce();
      else if (event.key === "ArrowLeft") void stepBackOnce();
      else if (event.key === "n" || event.key === "N") void stepToNext("protocol");
      else if (event.key === "m" || event.key === "M") void stepToNext("stateChange");
      else if (event.key === "+" || event.key === "=") changeSpeed(1);
      else if (event.key === "-") changeSpeed(-1);
      else if (event.key === "p" || event.key === "P") togglePresenter();
      else if (event.key === "?") setShortcutsOpen(!useStore.getState().shortcutsOpen);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
