import { useCallback, useEffect, useState } from "react";

/** The state of a load: waiting, done, or failed with the error thrown. */
export type Load<T> = { state: "loading" } | { state: "done"; value: T } | { state: "failed"; error: unknown };

/**
 * Loads data when the inputs change and returns the state plus a reload function. Stale
 * answers (from an earlier input) are dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: "loading" });
  const [tick, setTick] = useState(0);
  // The caller lists the inputs, as with useEffect.
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setResult({ state: "loading" });
    stableLoad().then(
      (value) => {
        if (live) setResult({ state: "done", value });
      },
      (error: unknown) => {
        if (live) setResult({ state: "failed", error });
      },
    );
    return () => {
      live = false;
    };
  }, [stableLoad, tick]);
  return [result, () => { setTick((t) => t + 1); }];
}
