// Share: a link that reproduces this exact run at this moment, and the scenario as a file (export
// and import). Opening a link or importing a file never loses the current run on bad input.
import { useRef } from "react";
import { copyShareLink, exportScenarioFile, importScenarioFile, setShareOpen } from "../state/actions";
import { useStore } from "../state/store";

export function ShareMenu() {
  const open = useStore((s) => s.shareOpen);
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <div className="share">
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls="share-menu"
        onClick={() => setShareOpen(!open)}
        data-testid="share"
      >
        Share
      </button>
      {open && (
        <div className="share-menu" id="share-menu" data-testid="share-menu">
          <button type="button" className="btn" onClick={() => void copyShareLink()}>
            Copy link to this moment
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
        </div>
      )}
    </div>
  );
}
