import { type RefObject, useEffect } from 'react';

/** Calls `load` whenever the sentinel element scrolls into view (next page of a list). */
export function useWhenVisible(sentinel: RefObject<Element | null>, load: () => void, active: boolean) {
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !active) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [sentinel, load, active]);
}
