/** Below Mantine's `xs` breakpoint (36em): a phone held upright, where tables give way to cards. */
export const PHONE_QUERY = '(max-width: 36em)';
