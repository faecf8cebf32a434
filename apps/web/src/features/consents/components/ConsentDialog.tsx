import { Group, Radio, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  CONSENT_TRANSITIONS,
  INITIAL_CONSENT_STATUSES,
  REQUIRED_CONSENT_FIELDS,
  changeConsent,
  startConsent,
  type ConsentChange,
  type ConsentField,
  type ConsentFields,
  type ConsentOutcome,
  type ConsentRuleError,
  type ConsentStatus,
} from '@hstf/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import { FormDialog } from '../../../components/FormDialog';
import { staleAlertFor } from '../../../components/stale-alert';
import { ruleValidator, showServerErrors, useRuleText, useStaleMerge } from '../../../lib/form';
import { useConsents, useSaveConsent } from '../api/consents';
import type { Consent, CreateConsentBody, UpdateConsentBody } from '../../projects';
import { useProjectFormat } from '../../../lib/project-format';
import { notifySaved } from '../../../lib/notify';
import { ConsentStatusBadge } from '../../../components/Badges';
import { useProblemText } from '../../../lib/use-problem-text';

interface ConsentDialogProps {
  projectId: string;
  country: string;
  /** The country's record, or null to record the first one. */
  consent: Consent | null;
  onClose: () => void;
}

/** The fields the form shows for a status: those it needs, and those that mean something in it. */
const CONSENT_FIELDS_FOR: Readonly<Record<ConsentStatus, readonly ConsentField[]>> = {
  requested: ['requestedOn', 'scope'],
  granted: [
    'requestedOn',
    'grantedOn',
    'validUntil',
    'issuingOffice',
    'signatory',
    'documentReference',
    'scope',
  ],
  refused: ['requestedOn', 'scope'],
  withdrawn: [
    'grantedOn',
    'validUntil',
    'withdrawnOn',
    'withdrawalReason',
    'issuingOffice',
    'signatory',
    'documentReference',
    'scope',
  ],
  expired: ['grantedOn', 'validUntil', 'scope'],
};

const DATE_FIELDS = new Set<ConsentField>(['requestedOn', 'grantedOn', 'validUntil', 'withdrawnOn']);
const LONG_FIELDS = new Set<ConsentField>(['scope', 'withdrawalReason']);
/** Rules about what a status needs wait for Save; rules about dates speak while typing. */
const ON_SAVE_ONLY = new Set<ConsentRuleError['code']>([
  'consent_field_required',
  'consent_new_request_date_required',
]);

type ConsentValues = Record<ConsentField, string> & { status: ConsentStatus };

function valuesOf(consent: Consent | null, status?: ConsentStatus): ConsentValues {
  return {
    status: status ?? consent?.status ?? 'requested',
    requestedOn: consent?.requestedOn ?? '',
    grantedOn: consent?.grantedOn ?? '',
    validUntil: consent?.validUntil ?? '',
    withdrawnOn: consent?.withdrawnOn ?? '',
    withdrawalReason: consent?.withdrawalReason ?? '',
    issuingOffice: consent?.issuingOffice ?? '',
    signatory: consent?.signatory ?? '',
    documentReference: consent?.documentReference ?? '',
    scope: consent?.scope ?? '',
  };
}

function recordOf(consent: Consent): ConsentFields {
  const values = valuesOf(consent);
  const record = { status: consent.status } as ConsentFields;
  for (const field of Object.keys(values) as (keyof ConsentValues)[]) {
    if (field !== 'status') record[field] = values[field] || null;
  }
  return record;
}

/**
 * What Save sends: a new record's shown fields, or the change to an existing one (the new status,
 * the shown fields that differ, and a new request's date). The domain judges exactly this.
 */
function changeOf(
  consent: Consent | null,
  values: ConsentValues,
): ConsentChange & { status?: ConsentStatus } {
  const fields = CONSENT_FIELDS_FOR[values.status];
  const pick = (field: ConsentField) => values[field].trim() || null;
  const change: ConsentChange = {};
  if (!consent) {
    change.status = values.status;
    for (const field of fields) if (pick(field) !== null) change[field] = pick(field);
    return change;
  }
  const current = consent.status;
  const newRequest = current !== 'requested' && values.status === 'requested';
  if (values.status !== current) change.status = values.status;
  const before = valuesOf(consent);
  for (const field of fields) {
    if (pick(field) !== (before[field] || null) || (newRequest && field === 'requestedOn'))
      change[field] = pick(field);
  }
  return change;
}

function outcomeOf(consent: Consent | null, values: ConsentValues): ConsentOutcome {
  const change = changeOf(consent, values);
  return consent
    ? changeConsent(recordOf(consent), change)
    : startConsent({ ...change, status: values.status });
}

function ruleErrorsOf(consent: Consent | null, values: ConsentValues): ConsentRuleError[] {
  const outcome = outcomeOf(consent, values);
  return !outcome.ok && outcome.kind === 'fields' ? outcome.errors : [];
}

/**
 * Records or changes the consent of a recipient State. The statuses offered are those the consent
 * rules allow from the current one; the form checks the values with the rules the API applies
 * (libs/domain), so it refuses exactly what the server would, in the reader's language.
 */
export function ConsentDialog({ projectId, country, consent, onClose }: ConsentDialogProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const save = useSaveConsent(projectId);
  const problemText = useProblemText();
  const ruleText = useRuleText();
  const consents = useConsents(projectId);
  const form = useForm<ConsentValues>({
    initialValues: valuesOf(consent),
    // Judged against the record the form edits from, which a stale refusal replaces with the latest.
    validate: (values) => ruleValidator((next: ConsentValues) => ruleErrorsOf(base, next), ruleText)(values),
  });
  const stale = useStaleMerge<ConsentValues, Consent>(form, consent, valuesOf);
  const base: Consent | null = stale.base;
  const current = base?.status ?? null;
  const choices: readonly ConsentStatus[] = current
    ? [current, ...CONSENT_TRANSITIONS[current]]
    : INITIAL_CONSENT_STATUSES;
  const values = form.getValues();
  const status = values.status;
  // A new request starts afresh: it needs the date it was made, not the previous one.
  const newRequest = current !== null && current !== 'requested' && status === 'requested';
  const live = ruleValidator(
    (next: ConsentValues) => ruleErrorsOf(base, next).filter((error) => !ON_SAVE_ONLY.has(error.code)),
    ruleText,
  )(values);
  const [others, setOthers] = useState<string[]>([]);
  const name = format.country(country);
  const fields = CONSENT_FIELDS_FOR[status];
  const errorFor = (field: ConsentField) => (form.errors[field] as string | undefined) ?? live[field];

  const submit = (values: ConsentValues) => {
    setOthers([]);
    stale.clear();
    const change = changeOf(base, values);
    const options = {
      onSuccess: () => {
        notifySaved(t('saved.consent', { country: name }));
        onClose();
      },
      onError: (error: unknown) => {
        setOthers(showServerErrors(form, error));
        if (consent) {
          stale.refused(error, () =>
            consents.refetch().then(({ data }) => data?.find((record) => record.id === consent.id)),
          );
        }
      },
    };
    if (!base) {
      save.mutate(
        { kind: 'create', body: { countryIso3: country, ...change } as CreateConsentBody },
        options,
      );
      return;
    }
    const body = { ...change, version: base.version ?? 1 } as UpdateConsentBody & { version: number };
    save.mutate({ kind: 'update', consentId: base.id, body }, options);
  };

  return (
    <FormDialog
      size="lg"
      onClose={onClose}
      closeLabel={t('projects.actions.close')}
      title={
        base
          ? t('projects.consent.change', { country: name })
          : t('projects.consent.record', { country: name })
      }
      onSubmit={form.onSubmit(submit)}
      footer={{
        staleAlert: staleAlertFor(
          stale,
          save,
          (field) =>
            field === 'status' ? null : t('stale.change', { field: t(`projects.consent.fields.${field}`) }),
          { noChanges: t('stale.noChanges') },
        ),
        failure:
          save.isError && !Object.keys(form.errors).length
            ? {
                title: t('projects.consent.failed'),
                message: others.length ? others.join(' ') : problemText(save.error),
              }
            : null,
        cancelLabel: t('projects.actions.cancel'),
        submitLabel: t('projects.actions.save'),
        submitting: save.isPending,
      }}
    >
      {current ? (
        <Group gap="xs">
          <Text size="sm">{t('projects.consent.currentStatus')}</Text>
          <ConsentStatusBadge status={current} />
        </Group>
      ) : null}
      <Radio.Group
        label={current ? t('projects.consent.newStatus') : t('projects.consent.status.label')}
        description={current ? t('projects.consent.allowedHint') : t('projects.consent.initialHint')}
        value={status}
        onChange={(value) => {
          const next = value;
          form.setFieldValue('status', next);
          if (current && current !== 'requested') {
            form.setFieldValue('requestedOn', next === 'requested' ? '' : (base?.requestedOn ?? ''));
          }
        }}
        error={form.errors['status']}
      >
        <Group gap="md" mt={6}>
          {choices.map((choice) => (
            <Radio
              key={choice}
              value={choice}
              label={
                choice === current
                  ? t('projects.consent.keep', { status: t(`projects.consent.status.${choice}`) })
                  : t(`projects.consent.status.${choice}`)
              }
            />
          ))}
        </Group>
      </Radio.Group>
      {newRequest ? (
        <Text size="sm" c="dimmed">
          {t('projects.consent.newRequestHint')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {fields
          .filter((field) => !LONG_FIELDS.has(field))
          .map((field) =>
            DATE_FIELDS.has(field) ? (
              <DateField
                key={field}
                label={t(`projects.consent.fields.${field}`)}
                required={REQUIRED_CONSENT_FIELDS[status].includes(field)}
                {...form.getInputProps(field)}
                value={form.values[field]}
                error={errorFor(field)}
              />
            ) : (
              <TextInput
                key={field}
                label={t(`projects.consent.fields.${field}`)}
                required={REQUIRED_CONSENT_FIELDS[status].includes(field)}
                {...form.getInputProps(field)}
                error={errorFor(field)}
                maxLength={500}
              />
            ),
          )}
      </SimpleGrid>
      {fields
        .filter((field) => LONG_FIELDS.has(field))
        .map((field) => (
          <Textarea
            dir="auto"
            key={field}
            label={t(`projects.consent.fields.${field}`)}
            required={REQUIRED_CONSENT_FIELDS[status].includes(field)}
            autosize
            minRows={2}
            {...form.getInputProps(field)}
            error={errorFor(field)}
            maxLength={5000}
          />
        ))}
    </FormDialog>
  );
}
