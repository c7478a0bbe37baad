import type { ReactNode } from "react";

/**
 * Lets a wide table scroll sideways on a narrow screen instead of widening the page. It is a
 * named, focusable region so keyboard users can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
