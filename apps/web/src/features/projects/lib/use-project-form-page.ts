import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { fieldErrorsOf } from '../../../lib/problem-members';
import { useAllCountries, useAllOrganizations } from '../api/reference';
import { focusErrorSummary } from './focus';
import { liveCheck, type ProjectFormValues } from './project-form';
import { useProjectFormErrors } from './use-form-errors';

/**
 * The state the project's create and edit pages share: the form, the rules checked as it is typed,
 * the required fields flagged once a save was tried, and the API's field errors for what was sent.
 */
export function useProjectFormPage(mode: 'create' | 'edit', initialValues: ProjectFormValues) {
  const countries = useAllCountries();
  const organizations = useAllOrganizations();
  const form = useForm<ProjectFormValues>({ initialValues });
  const values = form.getValues();
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<{ errors: Record<string, string>; values: ProjectFormValues } | null>(
    null,
  );
  const live = useMemo(() => liveCheck(values), [values]);
  const { errors, label, check } = useProjectFormErrors({
    mode,
    values,
    live,
    submitted,
    server,
    organizations: organizations.data ?? [],
  });

  /** A save is tried: false, with the error summary in focus, while a rule or a required field fails. */
  const mayBeSent = (): boolean => {
    setSubmitted(true);
    setServer(null);
    if (Object.keys(check()).length === 0) return true;
    focusErrorSummary();
    return false;
  };

  /** The API refused what was sent: its field errors stand at their fields until those values change. */
  const refused = (error: unknown, sent: ProjectFormValues) => {
    const fieldErrors = fieldErrorsOf(error);
    if (Object.keys(fieldErrors).length) {
      setServer({ errors: fieldErrors, values: sent });
      focusErrorSummary();
    }
  };

  return { form, values, live, errors, label, submitted, countries, organizations, mayBeSent, refused };
}

export type ProjectFormPageState = ReturnType<typeof useProjectFormPage>;
