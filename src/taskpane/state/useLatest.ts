import { type RefObject, useRef } from "react";

/**
 * The value of the last render, for callbacks kept across renders: they read it when they run,
 * not when they were made.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
