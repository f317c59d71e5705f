// Keyboard operation for the classroom: space plays/pauses, → steps one event, ← steps back one,
// N / M step to the next protocol message / state change, + / − change speed, [ ] 0 zoom, P
// presenter mode, ? the list of shortcuts, Esc closes it; the context-menu key (or Shift+F10)
// opens the scene's Add menu (on a focused scene element, that element's menu).
// Shortcuts stay out of the way while the user types in a field or works a control.
import { useEffect } from "react";
import { setEditorOpen, stepBackOnce, stepOnce, stepToNext } from "./actions";
import { useStore } from "./store";
import {
  changeSpeed,
  changeZoom,
  closeContextMenu,
  openAddDialog,
  openContextMenu,
  setShortcutsOpen,
  togglePlay,
  togglePresenter,
} from "./ui-actions";

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
      if (event.key === "Escape" && useStore.getState().addDialog) {
        openAddDialog(null);
        return;
      }
      if (event.key === "Escape" && useStore.getState().contextMenu) {
        closeContextMenu();
        return;
      }
      // While the editor is open, keys belong to its fields.
      if (useStore.getState().editorDraft) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, select, textarea, button, [contenteditable]")) return;
      // The context-menu key away from a scene element: what can be added to the cluster.
      if (event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey)) {
        const stage = document.querySelector(".stage")?.getBoundingClientRect();
        openContextMenu({ kind: "scene", id: "" }, (stage?.left ?? 0) + 40, (stage?.top ?? 0) + 40);
        event.preventDefault();
        return;
      }
      if (event.key === " ") togglePlay();
      else if (event.key === "ArrowRight") void stepOnce();
      else if (event.key === "ArrowLeft") void stepBackOnce();
      else if (event.key === "n" || event.key === "N") void stepToNext("protocol");
      else if (event.key === "m" || event.key === "M") void stepToNext("stateChange");
      else if (event.key === "+" || event.key === "=") changeSpeed(1);
      else if (event.key === "-") changeSpeed(-1);
      else if (event.key === "p" || event.key === "P") togglePresenter();
      else if (event.key === "?") setShortcutsOpen(!useStore.getState().shortcutsOpen);
      else if (event.key === "]") changeZoom(1);
      else if (event.key === "[") changeZoom(-1);
      else if (event.key === "0") changeZoom(0);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
