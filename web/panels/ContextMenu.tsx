// The scene's context menu: opened by a right click, the context-menu key or Shift+F10 on a
// scene element (or a right click on the background). Arrow keys move, Enter runs, Esc closes
// and gives focus back to where it was.
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useStore } from "../state/store";
import { closeContextMenu } from "../state/ui-actions";
import { contextItems } from "./context-items";

export function ContextMenu() {
  const menu = useStore((s) => s.contextMenu);
  const view = useStore((s) => s.view);
  const ref = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    if (!menu) return;
    returnFocus.current = document.activeElement;
    const box = ref.current?.getBoundingClientRect();
    const width = box?.width ?? 280;
    const height = box?.height ?? 200;
    // Keep the whole menu on screen.
    setPosition({
      left: Math.max(8, Math.min(menu.x, window.innerWidth - width - 8)),
      top: Math.max(8, Math.min(menu.y, window.innerHeight - height - 8)),
    });
    ref.current?.querySelector<HTMLButtonElement>("button:not([disabled])")?.focus();
  }, [menu]);

  useEffect(() => {
    if (!menu) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) closeContextMenu();
    };
    window.addEventListener("pointerdown", onPointer, true);
    return () => window.removeEventListener("pointerdown", onPointer, true);
  }, [menu]);

  if (!menu || !view) return null;
  const items = contextItems(view, menu.target);
  const close = (restore: boolean) => {
    closeContextMenu();
    if (restore && returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    if (restore && returnFocus.current instanceof SVGElement) returnFocus.current.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button:not([disabled])") ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => buttons[(to + buttons.length) % buttons.length]?.focus();
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(buttons.length - 1);
    else if (event.key === "Escape") close(true);
    else if (event.key === "Tab") close(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  const title = menu.target.kind === "scene" ? "Scene" : `${menu.target.kind} ${menu.target.id}`;
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={`Actions: ${title}`}
      data-testid="context-menu"
      style={position ?? { left: menu.x, top: menu.y, visibility: "hidden" }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className="context-item"
          disabled={item.disabled}
          title={item.disabled ? item.why : undefined}
          onClick={() => {
            close(true);
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
