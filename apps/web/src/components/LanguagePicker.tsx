import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../i18n/languages';
import { drawnElement, useBeforeScriptsMark } from '../lib/before-scripts';

type LanguagePickerProps = Omit<NativeSelectProps, 'value' | 'onChange' | 'data' | 'children'>;

/**
 * The six official UN languages, each named in itself. In a screen the API sent drawn, a language
 * chosen before the scripts came is taken as React's picker replaces the drawn one.
 */
export function LanguagePicker(props: LanguagePickerProps) {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const beforeScriptsMark = useBeforeScriptsMark('language');
  const [drawn] = useState(() => drawnElement<HTMLSelectElement>('language'));
  useLayoutEffect(() => {
    // The drawn picker, out of the page now, still holds what was chosen in it.
    const chosen = drawn?.value;
    const drawnIn = drawn?.querySelector('option[selected]')?.getAttribute('value');
    if (chosen && chosen !== drawnIn && isLanguage(chosen)) void i18n.changeLanguage(chosen);
  }, [drawn, i18n]);
  return (
    <NativeSelect
      {...beforeScriptsMark}
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
