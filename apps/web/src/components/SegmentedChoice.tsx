import { useId } from '@mantine/hooks';
import classes from './SegmentedChoice.module.css';

interface SegmentedChoiceProps<T extends string> {
  value: T;
  onChange: (value: T) => void;
  data: { value: T; label: string }[];
  /** The group's accessible name. */
  'aria-label': string;
}

/**
 * A choice between a few views (a chart's measure), drawn as Mantine's SegmentedControl is but from
 * native radio buttons and CSS only. SegmentedControl measures its items to slide its indicator,
 * which forces a layout of the whole page each time it mounts or anything around it resizes: on a
 * long screen that alone cost a slow phone half a second.
 */
export function SegmentedChoice<T extends string>({
  value,
  onChange,
  data,
  'aria-label': label,
}: SegmentedChoiceProps<T>) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={label} className={classes.root}>
      {data.map((item) => (
        <label key={item.value} className={classes.item}>
          <input
            type="radio"
            className={classes.input}
            name={name}
            value={item.value}
            checked={item.value === value}
            onChange={() => onChange(item.value)}
          />
          <span className={classes.label}>{item.label}</span>
        </label>
      ))}
    </div>
  );
}
