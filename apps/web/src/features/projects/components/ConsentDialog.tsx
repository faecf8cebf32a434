import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { ConsentStatus } from '@hstf/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsents, useSaveConsent } from '../api/consents';
import type { Consent, CreateConsentBody, UpdateConsentBody } from '../api/types';
import {
  CONSENT_FIELDS_FOR,
  CONSENT_TRANSITIONS,
  INITIAL_CONSENT_STATUSES,
  REQUIRED_CONSENT_FIELDS,
  consentFormErrors,
  type ConsentField,
  type ConsentValues,
} from '../lib/consent-rules';
import { useProjectFormat } from '../lib/format';
import { fieldErrorsOf, staleVersionOf } from '../lib/problems';
import { ConsentStatusBadge } from './Badges';
import { useProblemText } from '../lib/use-problem-text';
import { ALERT_STYLES } from '../lib/colors';

interface ConsentDialogProps {
  projectId: string;
  country: string;
  /** The country's record, or null to record the first one. */
  consent: Consent | null;
  onClose: () => void;
}

const DATE_FIELDS = new Set<ConsentField>(['requestedOn', 'grantedOn', 'validUntil', 'withdrawnOn']);
const LONG_FIELDS = new Set<ConsentField>(['scope', 'withdrawalReason']);

function valuesOf(consent: Consent | null): ConsentValues {
  return {
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

/**
 * Records or changes the consent of a recipient State. The statuses offered are those the consent
 * rules allow from the current one; granted needs the date, the issuing office, the signatory and
 * the document reference.
 */
export function ConsentDialog({ projectId, country, consent, onClose }: ConsentDialogProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const save = useSaveConsent(projectId);
  const problemText = useProblemText();
  const consents = useConsents(projectId);
  const current = consent?.status ?? null;
  const choices: readonly ConsentStatus[] = current
    ? [current, ...CONSENT_TRANSITIONS[current]]
    : INITIAL_CONSENT_STATUSES;
  const [status, setStatus] = useState<ConsentStatus>(current ?? 'requested');
  const [values, setValues] = useState<ConsentValues>(() => valuesOf(consent));
  const [submitted, setSubmitted] = useState(false);
  // A new request starts afresh: it needs the date it was made, not the previous one.
  const newRequest = current !== null && current !== 'requested' && status === 'requested';
  const effective = values;
  const ruleErrors = consentFormErrors(status, effective);
  const serverErrors = fieldErrorsOf(save.error);
  const stale = staleVersionOf(save.error) !== null;
  const name = format.country(country);
  const fields = CONSENT_FIELDS_FOR[status];

  const errorFor = (field: ConsentField): string | undefined => {
    const rule = ruleErrors.find((error) => error.field === field);
    if (rule && (submitted || rule.rule !== 'required')) return t(`projects.consent.errors.${rule.rule}`);
    return serverErrors[field];
  };

  const set = (field: ConsentField, value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  const submit = () => {
    setSubmitted(true);
    if (ruleErrors.length > 0) return;
    const pick = (field: ConsentField) => effective[field].trim() || null;
    if (!consent) {
      const body: CreateConsentBody = { countryIso3: country, status: status as 'requested' | 'granted' };
      for (const field of fields) {
        const value = pick(field);
        if (value !== null) (body as unknown as Record<string, string>)[field] = value;
      }
      save.mutate({ kind: 'create', body }, { onSuccess: onClose });
      return;
    }
    // The latest version read: after a stale refusal, the reloaded record's.
    const latest = consents.data?.find((record) => record.id === consent.id) ?? consent;
    const body: UpdateConsentBody & { version: number } = { version: latest.version ?? 1 };
    if (status !== current) body.status = status;
    const before = valuesOf(consent);
    for (const field of fields) {
      const value = pick(field);
      if (value !== (before[field] || null) || (newRequest && field === 'requestedOn')) {
        (body as unknown as Record<string, string | null>)[field] = value;
      }
    }
    save.mutate({ kind: 'update', consentId: consent.id, body }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('projects.actions.close') }}
      title={
        <Text fw={700}>
          {consent
            ? t('projects.consent.change', { country: name })
            : t('projects.consent.record', { country: name })}
        </Text>
      }
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
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
              setStatus(next);
              if (current && current !== 'requested') {
                setValues((previous) => ({
                  ...previous,
                  requestedOn: next === 'requested' ? '' : (consent?.requestedOn ?? ''),
                }));
              }
            }}
            error={serverErrors['status']}
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
              .map((field) => (
                <TextInput
                  key={field}
                  type={DATE_FIELDS.has(field) ? 'date' : 'text'}
                  label={t(`projects.consent.fields.${field}`)}
                  required={REQUIRED_CONSENT_FIELDS[status].includes(field)}
                  value={effective[field]}
                  onChange={(event) => set(field, event.currentTarget.value)}
                  error={errorFor(field)}
                  maxLength={500}
                />
              ))}
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
                value={effective[field]}
                onChange={(event) => set(field, event.currentTarget.value)}
                error={errorFor(field)}
                maxLength={5000}
              />
            ))}
          {stale ? (
            <Alert
              color="orange"
              variant="light"
              title={t('projects.stale.title')}
              role="alert"
              styles={ALERT_STYLES}
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('projects.consent.stale')}</Text>
                <Button
                  size="xs"
                  variant="default"
                  loading={consents.isFetching}
                  onClick={() => void consents.refetch().then(() => save.reset())}
                >
                  {t('projects.stale.reload')}
                </Button>
              </Stack>
            </Alert>
          ) : save.isError && Object.keys(serverErrors).length === 0 ? (
            <Alert
              color="red"
              variant="light"
              title={t('projects.consent.failed')}
              role="alert"
              styles={ALERT_STYLES}
            >
              {problemText(save.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('projects.actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={stale}>
              {t('projects.actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
