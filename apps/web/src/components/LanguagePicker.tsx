import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../i18n/languages';

type LanguagePickerProps = Omit<NativeSelectProps, 'value' | 'onChange' | 'data' | 'children'>;

/** The six official UN languages, each named in itself. */
export function LanguagePicker(props: LanguagePickerProps) {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <NativeSelect
      aria-label={props.label ? undefined : t('language.label')}
      leftSection={<IconLanguage size={18} aria-hidden="true" />}
      value={isLanguage(current) ? current : 'en'}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
      {...props}
    >
      {LANGUAGES.map((language) => (
        <option key={language.code} value={language.code} lang={language.code}>
          {language.nativeName}
        </option>
      ))}
    </NativeSelect>
  );
}
