import { useEffect, useRef, useState, type ReactNode } from 'react';

interface WhenVisibleProps {
  /** Rendered once the placeholder comes near the viewport, and kept from then on. */
  children: ReactNode;
  /** Holds the place meanwhile: give it the size of what replaces it, so nothing shifts (CLS). */
  placeholder: ReactNode;
  /** How far ahead of the viewport to start, so a reader scrolling down rarely sees the placeholder. */
  rootMargin?: string;
}

/**
 * Defers what lies below the fold (charts, the map) until the reader scrolls near it: the first
 * paint of a long screen then costs only what the reader sees. Browsers without
 * IntersectionObserver get the content at once.
 */
export function WhenVisible({ children, placeholder, rootMargin = '300px 0px' }: WhenVisibleProps) {
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (visible || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible, rootMargin]);

  if (visible) return <>{children}</>;
  return <div ref={ref}>{placeholder}</div>;
}
