import { useDirection } from '@mantine/core';
import { useId } from '@mantine/hooks';

interface TrendLineProps {
  data: number[];
  color: string;
  height: number;
}

const WIDTH = 240;

/**
 * A figure's course over the years as a small area line, drawn in plain SVG (no chart library):
 * decorative, the card around it says the figure and its table says every year. Mirrored in RTL,
 * so that time runs the way the page reads.
 */
export function TrendLine({ data, color, height }: TrendLineProps) {
  const { dir } = useDirection();
  const id = useId();
  if (data.length < 2) return null;
  const values = dir === 'rtl' ? [...data].reverse() : data;
  const min = Math.min(0, ...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const pad = 2;
  const x = (index: number) => (index / (values.length - 1)) * WIDTH;
  const y = (value: number) => pad + (1 - (value - min) / span) * (height - pad * 2);
  const line = values
    .map((value, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(value).toFixed(1)}`)
    .join('');
  const zero = y(0).toFixed(1);
  const area = `${line}L${WIDTH},${zero}L0,${zero}Z`;
  return (
    <svg
      width="100%"
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
      style={{ display: 'block', overflow: 'visible' }}
    >
      <defs>
        <linearGradient id={id} x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor={color} stopOpacity={0.28} />
          <stop offset="100%" stopColor={color} stopOpacity={0.02} />
        </linearGradient>
      </defs>
      <path d={area} fill={`url(#${id})`} stroke="none" />
      {min < 0 ? (
        <line
          x1={0}
          x2={WIDTH}
          y1={zero}
          y2={zero}
          stroke="#adb5bd"
          strokeWidth={1}
          strokeDasharray="3 3"
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
      <path
        d={line}
        fill="none"
        stroke={color}
        strokeWidth={1.75}
        vectorEffect="non-scaling-stroke"
        strokeLinejoin="round"
      />
    </svg>
  );
}
