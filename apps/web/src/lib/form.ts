import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { writeFailureOf } from './field-errors';

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
