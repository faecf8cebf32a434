interface BrandMarkProps {
  size?: number;
  inverted?: boolean;
}

/** The product's mark: a person sheltered by two arcs. Decorative; the product name always sits beside it. */
export function BrandMark({ size = 32, inverted = false }: BrandMarkProps) {
  const tile = inverted ? '#ffffff' : '#006bb0';
  const figure = inverted ? '#006bb0' : '#ffffff';
  const arcs = inverted ? '#009edb' : '#99d1ee';
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill={tile} />
      <circle cx="16" cy="11.5" r="4" fill={figure} />
      <path
        d="M7 25c1.2-4.8 4.6-7.5 9-7.5s7.8 2.7 9 7.5"
        fill="none"
        stroke={figure}
        strokeWidth="2.6"
        strokeLinecap="round"
      />
      <path
        d="M5 16a11 11 0 0 1 4-8.5M27 16a11 11 0 0 0-4-8.5"
        fill="none"
        stroke={arcs}
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
