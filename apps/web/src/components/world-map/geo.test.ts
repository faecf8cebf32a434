import { describe, expect, it } from 'vitest';
import { classOf, mapClasses, spotOf } from './geo';

describe('mapClasses', () => {
  it('keeps equal values in one class and gives every distinct value a class when there are few', () => {
    const classes = mapClasses([1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 0]);
    expect(classes.map(({ min, max }) => [min, max])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(classOf(0, classes)).toBeNull();
    expect(classOf(2, classes)?.color).toBe(classes[1]?.color);
  });

  it('splits many values into at most five classes of about equal counts', () => {
    const classes = mapClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(classes).toHaveLength(5);
    expect(classes[0]?.min).toBe(1);
    expect(classes.at(-1)?.max).toBe(10);
  });
});

describe('spotOf', () => {
  it('places a country on its largest polygon', () => {
    const spot = spotOf({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
        [
          [
            [10, 10],
            [14, 10],
            [14, 14],
            [10, 14],
            [10, 10],
          ],
        ],
      ],
    });
    expect(spot?.center[0]).toBeCloseTo(12);
    expect(spot?.center[1]).toBeCloseTo(12);
    expect(spot?.bbox).toEqual([10, 10, 14, 14]);
  });
});
