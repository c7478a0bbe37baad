import { useEffect } from "react";

/** Sets the browser tab title the GOV.UK way: page, then service. Errors come first. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? "Error: " : ""}${title} – Family Story`;
  }, [title, hasErrors]);
}
