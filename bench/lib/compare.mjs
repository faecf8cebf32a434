/**
 * Where two JSON documents differ, as paths ("items[3].title: "a" ≠ "b""), at most `max` of them.
 * Key order is ignored (PostgreSQL's json and JavaScript's objects order keys alike here, but the
 * answer must not depend on it); array order is not.
 */
export function differences(a, b, max = 5, path = '', found = []) {
  if (found.length >= max) return found;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) found.push(`${path || '.'}: ${a.length} items ≠ ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      differences(a[i], b[i], max, `${path}[${i}]`, found);
  } else if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in a)) found.push(`${path}.${key}: missing in the API's answer`);
      else if (!(key in b)) found.push(`${path}.${key}: missing in the baseline's answer`);
      else differences(a[key], b[key], max, `${path}.${key}`, found);
      if (found.length >= max) break;
    }
  } else if (a !== b) {
    found.push(`${path || '.'}: ${JSON.stringify(a)?.slice(0, 60)} ≠ ${JSON.stringify(b)?.slice(0, 60)}`);
  }
  return found.slice(0, max);
}
