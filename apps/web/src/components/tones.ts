/** Text on its own tint at 7:1 or more (WCAG AAA), so a badge stays readable on any row. */
export const TONES = {
  gray: { color: '#3d444b', background: '#eef0f2' },
  slate: { color: '#2c3e50', background: '#e3e9ef' },
  indigo: { color: '#2f3e9e', background: '#eceffd' },
  grape: { color: '#6b2380', background: '#f6ebfa' },
  blue: { color: '#00558c', background: '#e6f4fb' },
  teal: { color: '#0b5d45', background: '#e3f6f1' },
  green: { color: '#1e5b24', background: '#e6f4e7' },
  amber: { color: '#704300', background: '#fff3d6' },
  orange: { color: '#8a3a00', background: '#fff1e6' },
  red: { color: '#9b1c1c', background: '#fdecec' },
} as const;

export type Tone = keyof typeof TONES;
