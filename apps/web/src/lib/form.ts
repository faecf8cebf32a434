import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion, writeFailureOf } from './field-errors';

/** A broken rule of libs/domain: the field it is about, its code and the facts it rests on. */
export interface RuleError {
  field: string;
  code: string;
  facts: Record<string, unknown>;
}

/**
 * A domain rule in the reader's language: `rules.<code>`, or `rules.<code>.<variant>` when the
 * rule's words depend on one of its facts (which date a date must follow, which status a field needs).
 */
export function useRuleText(): (error: RuleError) => string {
  const { t } = useTranslation();
  // The key is built from the code, so it is not one of the typed literal keys.
  const translate = t as (key: string, options: Record<string, unknown>) => string;
  return (error) => {
    const variant = RULE_VARIANT[error.code];
    const key = variant ? `rules.${error.code}.${String(error.facts[variant])}` : `rules.${error.code}`;
    return translate(key, error.facts);
  };
}

const RULE_VARIANT: Record<string, string> = {
  consent_date_before: 'earliest',
  consent_field_only_after: 'onlyOnce',
};

/**
 * The domain's rules as a @mantine/form validator: the first broken rule of each field, in words.
 * The same functions run in the API, so the form refuses exactly what the server would.
 */
export function ruleValidator<Values>(
  check: (values: Values) => readonly RuleError[],
  say: (error: RuleError) => string,
): (values: Values) => Record<string, string> {
  return (values) => {
    const errors: Record<string, string> = {};
    for (const error of check(values)) errors[error.field] ??= say(error);
    return errors;
  };
}

/**
 * Puts a refused write's field errors (400, or 409 with field errors) on the form's fields, and
 * returns those about fields the form does not show, to say above the buttons.
 */
export function showServerErrors<Values extends object>(
  form: Pick<UseFormReturnType<Values>, 'getValues' | 'setErrors'>,
  error: unknown,
): string[] {
  const failure = writeFailureOf(error, Object.keys(form.getValues()));
  if (Object.keys(failure.fields).length) form.setErrors(failure.fields);
  return failure.others;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A form's answer to 409 (someone saved the record while it was open), the same in every form and
 * dialog: the latest record is read, each field the user changed keeps what was typed, every other
 * field takes the latest value, and the fields the other save changed are listed for
 * StaleVersionAlert. `base` is the record the next write is checked against (its version).
 */
export function useStaleMerge<Values extends object, Source>(
  form: Pick<UseFormReturnType<Values>, 'getValues' | 'setValues'>,
  initial: Source | null,
  valuesOf: (source: Source | null) => Values,
) {
  const [base, setBase] = useState<Source | null>(initial);
  // null: not stale; { changed: null }: refused, the latest being read.
  const [state, setState] = useState<{ changed: (keyof Values)[] | null } | null>(null);

  /**
   * Call with a refused write's error; true when it was stale (the merge then follows). `stale` says
   * so for a refusal that means the same without the stale-version type (a record created meanwhile).
   */
  const refused = (
    error: unknown,
    readLatest: () => Promise<Source | null | undefined>,
    stale: boolean = isStaleVersion(error),
  ): boolean => {
    if (!stale) return false;
    setState({ changed: null });
    const from = base;
    void readLatest()
      .then((latest) => {
        if (!latest) return;
        const before = valuesOf(from);
        const after = valuesOf(latest);
        const keys = Object.keys(after) as (keyof Values)[];
        const theirs = keys.filter((key) => !same(before[key], after[key]));
        const typed = form.getValues();
        const merged = { ...typed };
        for (const key of theirs) if (same(typed[key], before[key])) merged[key] = after[key];
        form.setValues(merged);
        setBase(latest);
        setState({ changed: theirs });
      })
      .catch(() => setState({ changed: [] }));
    return true;
  };

  return {
    base,
    /** True from the refusal until the user saves again or takes the latest version. */
    stale: state !== null,
    /** The fields the other save changed; null while the latest version is read. */
    changed: state?.changed ?? null,
    refused,
    /** The latest version in place of what was typed, but for `kept` fields the record does not hold. */
    takeTheirs: (kept: readonly (keyof Values)[] = []) => {
      const typed = form.getValues();
      const latest = valuesOf(base);
      for (const key of kept) latest[key] = typed[key];
      form.setValues(latest);
      setState(null);
    },
    /** Before saving again over the latest version. */
    clear: () => setState(null),
  };
}
