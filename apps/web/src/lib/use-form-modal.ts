import type { UseFormReturnType } from '@mantine/form';
import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, type FormEvent } from 'react';
import { writeFailureOf } from './field-errors';
import { useStaleMerge } from './form';

export interface FormModalOptions<
  Values extends object,
  Source extends { version: number },
  Saved,
  Body,
  Input,
  Field extends string,
> {
  form: UseFormReturnType<Values>;
  /** The record being changed; null when the form creates one. */
  record: Source | null;
  /** The form's fields in the order they are shown: the first one in error takes the focus. */
  fields: readonly Field[];
  /** The values a version of the record holds, for merging with the latest after a 409. */
  valuesOf: (source: Source | null) => Values;
  create: UseMutationResult<Saved, Error, Body>;
  update: UseMutationResult<Saved, Error, Input & { version: number }>;
  /** What a create sends. */
  bodyOf: (values: Values) => Body;
  /** What an update sends: only what differs from the version the form is based on. */
  changesFrom: (values: Values, base: Source) => Input;
  /** The record as stored now, read when a save is refused as stale. */
  readLatest: () => Promise<Source | null | undefined>;
  onSaved: (saved: Saved, created: boolean) => void;
  onCancel: () => void;
  /** Told of every refused write, before the stale-version merge starts. */
  onError?: (error: Error) => void;
  /** Fields "use theirs" leaves as typed, because the record does not hold them (a new password). */
  keptOnTakeTheirs?: readonly (keyof Values)[];
}

/**
 * The submit path of every dashboard form in a modal: create, or send only the changes at the version
 * read; close when nothing changed; on 409 merge with the latest version (useStaleMerge); focus the
 * first field in error. The form's fields, rules and wording stay in the form.
 */
export function useFormModal<
  Values extends object,
  Source extends { version: number },
  Saved,
  Body,
  Input extends object,
  Field extends string,
>(options: FormModalOptions<Values, Source, Saved, Body, Input, Field>) {
  const { form, record, fields, create, update } = options;
  const merge = useStaleMerge(form, record, options.valuesOf);
  const refs = useRef<Partial<Record<Field, HTMLElement | null>>>({});
  const mutation = record ? update : create;
  const failure = mutation.error ? writeFailureOf(mutation.error, fields) : null;

  const submit = (values: Values) => {
    const base = merge.base;
    if (!record || !base) {
      create.mutate(options.bodyOf(values), {
        onSuccess: (saved) => options.onSaved(saved, true),
        onError: options.onError,
      });
      return;
    }
    const input = options.changesFrom(values, base);
    if (Object.keys(input).length === 0) {
      options.onCancel();
      return;
    }
    merge.clear();
    update.mutate(
      { ...input, version: base.version },
      {
        onSuccess: (saved) => options.onSaved(saved, false),
        onError: (error) => {
          options.onError?.(error);
          merge.refused(error, options.readLatest);
        },
      },
    );
  };
  const focusFirst = (errors: Record<string, unknown>) => {
    const first = fields.find((field) => errors[field]);
    if (first) refs.current[first]?.focus();
  };

  return {
    record,
    values: form.getValues(),
    /** The version the next save is checked against: the record as read, or as re-read after a 409. */
    base: merge.base,
    stale: { ...merge, takeTheirs: () => merge.takeTheirs(options.keptOnTakeTheirs) },
    update,
    mutation,
    failure,
    /** A refusal that is neither stale nor about a field the form shows, to say above the buttons. */
    failed: mutation.isError && !failure?.stale && !Object.keys(failure?.fields ?? {}).length,
    /** The field's own error, or the server's for it. */
    errorOf: (field: Field): string | undefined =>
      (form.errors[field] as string | undefined) ?? failure?.fields[field],
    /** Lets the form focus the field when a submit finds it in error. */
    fieldRef: (field: Field) => (element: HTMLElement | null) => {
      refs.current[field] = element;
    },
    onSubmit: (event?: FormEvent<HTMLFormElement>) => form.onSubmit(submit, focusFirst)(event),
  };
}
