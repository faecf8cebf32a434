import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../components/QueryStates';
import { staleAlertFor } from '../../../components/stale-alert';
import { writeFailureOf } from '../../../lib/field-errors';
import { useStaleMerge } from '../../../lib/form';
import { notifySaved } from '../../../lib/notify';
import { useFormatters } from '../../../lib/format';
import { useIntl } from '../../../lib/intl';
import {
  assessmentSettingsQueryOptions,
  useAssessmentSettings,
  useUpdateAssessmentSettings,
  type AssessmentSettings,
} from '../api/assessment-settings';

const FIELDS = [
  'minPrincipleMean',
  'minOverallMean',
  'minReviews',
  'disagreementSpread',
  'reviewDueDays',
  'reviewWaitingDays',
] as const;
type Field = (typeof FIELDS)[number];
/** The days of the review rounds' deadlines are named in their own strings. */
const labelOf = (field: Field) =>
  field === 'reviewDueDays' || field === 'reviewWaitingDays'
    ? (`rounds.settings.${field}` as const)
    : (`reviews.settings.${field}` as const);
type Values = Record<Field, number | string>;

const LIMITS: Record<Field, { min: number; max: number; step: number; decimals: number }> = {
  minPrincipleMean: { min: 0, max: 4, step: 0.1, decimals: 2 },
  minOverallMean: { min: 0, max: 4, step: 0.1, decimals: 2 },
  minReviews: { min: 1, max: 20, step: 1, decimals: 0 },
  disagreementSpread: { min: 1, max: 4, step: 1, decimals: 0 },
  reviewDueDays: { min: 1, max: 365, step: 1, decimals: 0 },
  reviewWaitingDays: { min: 1, max: 730, step: 1, decimals: 0 },
};

function valuesOf(settings: AssessmentSettings): Values {
  return {
    minPrincipleMean: settings.minPrincipleMean,
    minOverallMean: settings.minOverallMean,
    minReviews: settings.minReviews,
    disagreementSpread: settings.disagreementSpread,
    reviewDueDays: settings.reviewDueDays,
    reviewWaitingDays: settings.reviewWaitingDays,
  };
}

/** The thresholds of the assessment (DESIGN.md §4.1): admins change them, staff read them. */
export function AssessmentSettingsForm({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const settings = useAssessmentSettings();
  return (
    <Stack gap="md" component="section" aria-labelledby="settings-title">
      <Stack gap={4}>
        <Title order={2} fz="h3" id="settings-title">
          {t('reviews.settings.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {canEdit ? t('reviews.settings.intro') : t('reviews.settings.readOnly')}
        </Text>
      </Stack>
      {settings.isPending ? (
        <Paper withBorder radius="md" p="lg" aria-busy="true">
          <SimpleGrid cols={{ base: 1, sm: 2 }} aria-hidden="true">
            {FIELDS.map((field) => (
              <Skeleton key={field} height={64} />
            ))}
          </SimpleGrid>
        </Paper>
      ) : settings.isError ? (
        <ErrorResult title={t('reviews.settings.error')} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsEditor settings={settings.data} canEdit={canEdit} />
      )}
    </Stack>
  );
}

function SettingsEditor({ settings, canEdit }: { settings: AssessmentSettings; canEdit: boolean }) {
  const { t } = useTranslation();
  const { decimal } = useIntl();
  const { number } = useFormatters();
  const update = useUpdateAssessmentSettings();
  const queryClient = useQueryClient();
  const localError = (field: Field, value: Values[Field]): string | null => {
    const limits = LIMITS[field];
    if (value === '' || typeof value !== 'number' || Number.isNaN(value))
      return t('reviews.settings.required');
    if (value < limits.min || value > limits.max || (limits.decimals === 0 && !Number.isInteger(value))) {
      return t(limits.decimals === 0 ? 'reviews.settings.wholeRange' : 'reviews.settings.range', {
        min: number(limits.min),
        max: number(limits.max),
      });
    }
    return null;
  };
  const form = useForm<Values>({
    initialValues: valuesOf(settings),
    validate: (values) =>
      Object.fromEntries(FIELDS.map((field) => [field, localError(field, values[field])])),
  });
  const values = form.getValues();
  // After a 409, the settings another admin saved: what this admin typed stays, the rest is theirs.
  const stale = useStaleMerge(form, settings, (from: AssessmentSettings | null) =>
    from ? valuesOf(from) : valuesOf(settings),
  );
  const theirs = stale.stale ? stale.base : null;
  const failure = update.error ? writeFailureOf(update.error, FIELDS) : null;

  const submit = (values: Values) => {
    const version = (stale.base ?? settings).version;
    stale.clear();
    update.mutate(
      {
        version,
        minPrincipleMean: Number(values.minPrincipleMean),
        minOverallMean: Number(values.minOverallMean),
        minReviews: Number(values.minReviews),
        disagreementSpread: Number(values.disagreementSpread),
        reviewDueDays: Number(values.reviewDueDays),
        reviewWaitingDays: Number(values.reviewWaitingDays),
      },
      {
        onSuccess: () => notifySaved(t('reviews.settings.saved')),
        onError: (error) =>
          void stale.refused(error, () =>
            queryClient.fetchQuery({ ...assessmentSettingsQueryOptions, staleTime: 0 }),
          ),
      },
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('reviews.settings.title')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            {FIELDS.map((field) => (
              <NumberInput
                key={field}
                label={t(labelOf(field))}
                description={t(`${labelOf(field)}Hint`)}
                value={values[field]}
                onChange={(value) => form.setFieldValue(field, value)}
                min={LIMITS[field].min}
                max={LIMITS[field].max}
                step={LIMITS[field].step}
                decimalScale={LIMITS[field].decimals}
                allowDecimal={LIMITS[field].decimals > 0}
                allowNegative={false}
                readOnly={!canEdit}
                variant={canEdit ? 'default' : 'filled'}
                error={canEdit ? (form.errors[field] ?? failure?.fields[field]) : undefined}
                withAsterisk={canEdit}
              />
            ))}
          </SimpleGrid>
          {staleAlertFor(stale, update, (field) => t('stale.change', { field: t(labelOf(field)) }), {
            title: t('reviews.settings.staleTitle'),
            body: theirs
              ? t('reviews.settings.staleBody', {
                  minPrincipleMean: decimal(theirs.minPrincipleMean),
                  minOverallMean: decimal(theirs.minOverallMean),
                  minReviews: number(theirs.minReviews),
                  disagreementSpread: number(theirs.disagreementSpread),
                })
              : undefined,
            noChanges: t('stale.noChanges'),
          })}
          {update.isError && !stale.stale && !failure?.stale ? (
            <Alert color="red" variant="light" role="alert" title={t('reviews.settings.failed')}>
              {failure?.others.join(' ') || t('reviews.errors.tryAgain')}
            </Alert>
          ) : null}
          {canEdit ? (
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={update.isPending}
                leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
              >
                {t('reviews.settings.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
