// The rendered width of an element, kept current with a ResizeObserver: diagrams draw in real
// pixels so their text stays at the type scale's size instead of shrinking with a viewBox.
import { useEffect, useRef, useState } from "react";

export function useElementWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
