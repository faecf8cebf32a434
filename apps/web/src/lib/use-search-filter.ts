import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/**
 * A list's search box: what is typed shows at once, and the list follows a pause in typing (or
 * Enter, through `flush`), so each key does not fetch a page.
 */
export function useSearchFilter(q: string, onSearch: (q: string) => void) {
  const [search, setSearch] = useState(q);
  const commit = useDebouncedCallback(onSearch, 300);
  return {
    search,
    type: (value: string) => {
      setSearch(value);
      commit(value);
    },
    flush: () => commit.flush(),
    /** Empties the box and forgets a search still waiting; the caller clears the list's filters. */
    clear: () => {
      commit.cancel();
      setSearch('');
    },
  };
}

export type SearchFilter = ReturnType<typeof useSearchFilter>;
