// Share: a link that reproduces this exact run at this moment, and the scenario as a file (export
// and import). Opening a link or importing a file never loses the current run on bad input.
import { useRef } from "react";
import { copyShareLink, exportScenarioFile, importScenarioFile, setEditorOpen } from "../state/actions";
import { useStore } from "../state/store";
import { setShareOpen } from "../state/ui-actions";
import { MenuButton } from "./MenuButton";

export function ShareMenu() {
  const open = useStore((s) => s.shareOpen);
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <MenuButton label="Share" open={open} onToggle={setShareOpen} menuId="share-menu" testId="share">
      <button type="button" className="btn" onClick={() => void copyShareLink()}>
        Copy link to this moment
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void setEditorOpen(true)}
        data-testid="edit-scenario"
      >
        Edit scenario…
      </button>
      <button type="button" className="btn" onClick={() => void exportScenarioFile()}>
        Export scenario (.json)
      </button>
      <button type="button" className="btn" onClick={() => fileRef.current?.click()}>
        Import scenario…
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void importScenarioFile(file);
        }}
      />
    </MenuButton>
  );
}
