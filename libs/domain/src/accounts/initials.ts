/**
 * The letters that stand for a person beside their name (the dashboard's avatar): the first letter
 * of their first and last names, upper-cased, or of the one name they have. Letters, not UTF-16
 * units, so a name starting outside the Basic Multilingual Plane keeps its whole first letter. The
 * API writes the same into the first screen it prerenders, so both must agree.
 */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters
    .map((part) => [...(part ?? '')][0] ?? '')
    .join('')
    .toUpperCase();
}
