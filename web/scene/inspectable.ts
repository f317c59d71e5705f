// Scene elements open the inspector on click, and on Enter or Space when focused; a right click,
// the context-menu key or Shift+F10 opens their menu of actions. SVG has no <button>, so a
// focusable group with role="button" carries these props.
import type { KeyboardEvent, MouseEvent } from "react";
import type { Inspected } from "../state/store";
import { inspect, openContextMenu } from "../state/ui-actions";

/** Where a keyboard-opened menu appears: just below the focused element's top-left corner. */
export function menuAnchorOf(element: Element): { x: number; y: number } {
  const rect = element.getBoundingClientRect();
  return { x: rect.left + Math.min(24, rect.width / 2), y: rect.top + Math.min(24, rect.height / 2) };
}

export function isMenuKey(event: KeyboardEvent): boolean {
  return event.key === "ContextMenu" || (event.key === "F10" && event.shiftKey);
}

export function inspectableProps(target: Inspected, label: string, focusable = true) {
  return {
    role: "button",
    tabIndex: focusable ? 0 : -1,
    "aria-label": label,
    "aria-haspopup": "menu",
    "data-inspect": `${target.kind}:${target.id}`,
    onClick: (event: MouseEvent) => {
      event.stopPropagation();
      inspect(target);
    },
    onContextMenu: (event: MouseEvent) => {
      event.preventDefault();
      event.stopPropagation();
      openContextMenu(target, event.clientX, event.clientY);
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (isMenuKey(event)) {
        event.preventDefault();
        event.stopPropagation();
        const { x, y } = menuAnchorOf(event.currentTarget);
        openContextMenu(target, x, y);
        return;
      }
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();
      inspect(target);
    },
  } as const;
}
