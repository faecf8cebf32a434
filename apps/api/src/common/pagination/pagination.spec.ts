import { Problem } from '../problem-details/problem';
import { decodeCursor, encodeCursor, pageOf, toPage } from './pagination';

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('pagination', () => {
  it('decodes the cursor it encoded', () => {
    const key = ['Organization, "quoted" & ünïcode', '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b', 42];
    expect(decodeCursor(encodeCursor(key), 3)).toEqual(key);
  });

  it('treats no cursor as the first page', () => {
    expect(decodeCursor(undefined, 2)).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'this is not a cursor'],
    ['JSON that is not an array', Buffer.from('{"a":1}').toString('base64url')],
    ['a key of the wrong length', encodeCursor(['only one part'])],
    ['a key with an object in it', Buffer.from('["a",{"b":1}]').toString('base64url')],
    ['a tampered cursor', encodeCursor(['Name', 'id']).slice(0, -3) + 'xyz'],
  ])('refuses %s with a 400 Problem on the field cursor', (_, cursor) => {
    const error = thrown(() => decodeCursor(cursor, 2));
    expect(error).toBeInstanceOf(Problem);
    expect((error as Problem).toDocument()).toMatchObject({
      status: 400,
      errors: [{ field: 'cursor', message: expect.any(String) }],
    });
  });

  it('gives a next cursor only when there is another page, keyed on the last item shown', () => {
    const rows = [{ k: 'a' }, { k: 'b' }, { k: 'c' }];
    const page = toPage(rows, 2, (row) => [row.k]);
    expect(page.items).toEqual([{ k: 'a' }, { k: 'b' }]);
    expect(decodeCursor(page.nextCursor!, 1)).toEqual(['b']);
    expect(toPage(rows, 3, (row) => [row.k]).nextCursor).toBeNull();
  });

  it('answers a page in the API shape, keyed on the row of the last item shown', () => {
    const rows = [
      { sort_name: 'a', id: 1 },
      { sort_name: 'b', id: 2 },
      { sort_name: 'c', id: 3 },
    ];
    const page = pageOf(
      rows,
      { limit: 2 },
      (row) => [row.sort_name, row.id],
      (row) => ({ name: row.sort_name.toUpperCase() }),
    );
    expect(page.items).toEqual([{ name: 'A' }, { name: 'B' }]);
    expect(decodeCursor(page.nextCursor!, 2)).toEqual(['b', 2]);
    expect(
      pageOf(
        rows.slice(0, 1),
        {},
        (row) => [row.id],
        (row) => row.id,
      ),
    ).toEqual({
      items: [1],
      nextCursor: null,
    });
  });
});
