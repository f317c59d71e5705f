// Scene elements open the inspector on click, and on Enter or Space when focused: SVG has no
// <button>, so a focusable group with role="button" carries these props.
import type { KeyboardEvent } from "react";
import type { Inspected } from "../state/store";
import { inspect } from "../state/ui-actions";

export function inspectableProps(target: Inspected, label: string) {
  return {
    role: "button",
    tabIndex: 0,
    "aria-label": label,
    onClick: () => inspect(target),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();
      inspect(target);
    },
  } as const;
}
