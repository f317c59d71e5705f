// App only arranges the panels.
import { useState } from "react";
import { AddDialog } from "./panels/AddDialog";
import { Banner } from "./panels/Banner";
import { CaptionBar } from "./panels/CaptionBar";
import { ContextMenu } from "./panels/ContextMenu";
import { Header } from "./panels/Header";
import { Inspector } from "./panels/Inspector";
import { Legend } from "./panels/Legend";
import { LessonPanel } from "./panels/LessonPanel";
import { NarrationPanel } from "./panels/NarrationPanel";
import { ScenarioEditor } from "./panels/ScenarioEditor";
import { ShortcutsHelp } from "./panels/ShortcutsHelp";
import { Timeline } from "./panels/Timeline";
import { KeyCard } from "./scene/KeyCard";
import { Scene } from "./scene/Scene";
import { useWheelZoom, ZoomControls } from "./scene/ZoomControls";
import { useStore } from "./state/store";
import { useKeyboardShortcuts } from "./state/useKeyboardShortcuts";
import { usePlaybackLoop } from "./state/usePlaybackLoop";

export function App() {
  usePlaybackLoop();
  const [stage, setStage] = useState<HTMLElement | null>(null);
  useWheelZoom(stage);
  useKeyboardShortcuts();
  const theme = useStore((s) => s.theme);
  const presenter = useStore((s) => s.presenter);
  const embed = useStore((s) => s.embed);
  const hasLesson = useStore((s) => s.view?.lesson != null);
  const dockTab = useStore((s) => s.dockTab);
  // A new draft remounts the editor so its working copy starts from the current scenario.
  const editorKey = useStore((s) => (s.editorDraft ? "open" : "closed"));
  return (
    <div
      className="app"
      data-theme={theme}
      data-presenter={presenter || undefined}
      data-embed={embed || undefined}
    >
      <Header />
      <div className="banners">
        <Banner />
      </div>
      <main className="stage" ref={setStage}>
        <Scene />
        {!presenter && !embed && <ZoomControls />}
        <KeyCard />
        <CaptionBar />
      </main>
      <Inspector />
      <footer className="dock" data-tab={dockTab}>
        <Timeline />
        <NarrationPanel />
        {hasLesson ? <LessonPanel /> : !presenter && !embed && <Legend />}
      </footer>
      <ShortcutsHelp />
      <ContextMenu />
      <AddDialog />
      <ScenarioEditor key={editorKey} />
    </div>
  );
}
