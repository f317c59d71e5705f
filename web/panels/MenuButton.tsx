// A header button that opens a small menu below it (lessons, share): one pattern, one component.
import type { ReactNode } from "react";

interface Props {
  label: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  menuId: string;
  testId: string;
  className?: string;
  children: ReactNode;
}

export function MenuButton({ label, open, onToggle, menuId, testId, className, children }: Props) {
  return (
    <div className="share">
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => onToggle(!open)}
        data-testid={testId}
      >
        {label}
      </button>
      {open && (
        <div className={`share-menu ${className ?? ""}`} id={menuId} data-testid={`${testId}-menu`}>
          {children}
        </div>
      )}
    </div>
  );
}
