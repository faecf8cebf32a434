import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldId, TRANSLATION_LANGUAGES } from '../../lib/project-form';
import { Section, type ProjectFormPartProps } from './Section';

/** A language named in itself ("Русский", "中文"), as a reader looks for their own language. */
const autonym = (language: string) =>
  new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;

/** The title and summary in other UN languages, one row a language. */
export function TranslationsSection({ form, errors }: ProjectFormPartProps) {
  const { t } = useTranslation();
  const rows = form.getValues().translations;
  const unused = TRANSLATION_LANGUAGES.filter((language) => !rows.some((row) => row.language === language));
  const setRow = (index: number, change: Partial<(typeof rows)[number]>) =>
    form.setFieldValue(
      'translations',
      rows.map((row, i) => (i === index ? { ...row, ...change } : row)),
    );

  return (
    <Section
      id="section-translations"
      title={t('translations.section')}
      description={t('translations.description')}
    >
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('translations.none')}
        </Text>
      ) : null}
      {rows.map((row, index) => (
        <Paper key={row.language} withBorder radius="sm" p="sm" data-translation={row.language}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-end" wrap="nowrap">
              <Select
                label={t('translations.language')}
                data={[row.language, ...unused].map((language) => ({
                  value: language,
                  label: autonym(language),
                }))}
                value={row.language}
                allowDeselect={false}
                onChange={(language) => language && setRow(index, { language: language })}
                maw={220}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('translations.remove', { language: autonym(row.language) })}
                onClick={() =>
                  form.setFieldValue(
                    'translations',
                    rows.filter((_, i) => i !== index),
                  )
                }
              >
                <IconTrash size={18} aria-hidden="true" />
              </ActionIcon>
            </Group>
            <TextInput
              id={fieldId(`titleTranslations.${row.language}`)}
              label={t('translations.title')}
              lang={row.language}
              dir="auto"
              maxLength={300}
              value={row.title}
              onChange={(event) => setRow(index, { title: event.currentTarget.value })}
              error={errors[`titleTranslations.${row.language}`]}
            />
            <Textarea
              id={fieldId(`summaryTranslations.${row.language}`)}
              label={t('translations.summary')}
              lang={row.language}
              dir="auto"
              autosize
              minRows={2}
              maxLength={5000}
              value={row.summary}
              onChange={(event) => setRow(index, { summary: event.currentTarget.value })}
              error={errors[`summaryTranslations.${row.language}`]}
            />
          </Stack>
        </Paper>
      ))}
      {unused.length ? (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() =>
              form.setFieldValue('translations', [...rows, { language: unused[0]!, title: '', summary: '' }])
            }
          >
            {t('translations.add')}
          </Button>
        </Group>
      ) : null}
    </Section>
  );
}
