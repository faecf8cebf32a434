import { Alert, Anchor, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ALERT_STYLES, BAD_TEXT } from '../../../../lib/colors';
import { fieldId } from '../../lib/project-form';

/** Every problem of the form, each a link to its field (WCAG 3.3.1). */
export function ErrorSummary({
  errors,
  labels,
}: {
  errors: Record<string, string>;
  labels: (path: string) => string;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={t('projects.form.summaryTitle', { number: entries.length })}
      role="alert"
      tabIndex={-1}
      id="project-form-errors"
      styles={ALERT_STYLES}
    >
      <List size="sm" spacing={2}>
        {entries.map(([path, message]) => (
          <List.Item key={path}>
            <Anchor
              href={`#${fieldId(path)}`}
              underline="always"
              size="sm"
              c={BAD_TEXT}
              onClick={(event) => {
                const target = document.getElementById(fieldId(path));
                if (target) {
                  event.preventDefault();
                  target.scrollIntoView({ block: 'center' });
                  (target.querySelector<HTMLElement>('input, textarea, select') ?? target).focus();
                }
              }}
            >
              {labels(path)}
            </Anchor>
            {`: ${message}`}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
