// The header's Add menu: a producer, a consumer group or partitions, for keyboard and mouse alike
// (the scene's background context menu offers the same).
import { useState } from "react";
import { useStore } from "../state/store";
import { sceneItems } from "./context-items";
import { MenuButton } from "./MenuButton";

export function AddMenu() {
  const view = useStore((s) => s.view);
  const [open, setOpen] = useState(false);
  if (!view) return null;
  return (
    <MenuButton label="Add" open={open} onToggle={setOpen} menuId="add-menu" testId="add">
      {sceneItems(view).map((item) => (
        <button
          key={item.label}
          type="button"
          className="btn"
          onClick={() => {
            setOpen(false);
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </MenuButton>
  );
}
