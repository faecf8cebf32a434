import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, exportHref, type QueryValue } from '../lib/export-href';

interface ExportMenuProps {
  /** The list's API path, e.g. /api/v1/projects. */
  path: string;
  /** The list's filters, as the screen sends them for its pages; limit and cursor are left out. */
  query?: Readonly<Record<string, QueryValue>>;
  /** When given, the menu also offers to prepare the file in the background, in each format. */
  onPrepareInBackground?: (format: (typeof EXPORT_FORMATS)[number]) => void;
}

/**
 * "Export" on a list: the whole list, every page, with the filters on screen, as CSV or Excel. The
 * items are plain links, so the browser streams the file to disk and the session cookie signs them.
 */
export function ExportMenu({ path, query = {}, onPrepareInBackground }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden="true" />}
          rightSection={<IconChevronDown size={14} aria-hidden="true" />}
        >
          {t('exports.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('exports.label')}</Menu.Label>
        {EXPORT_FORMATS.map((format) => (
          <Menu.Item
            key={format}
            component="a"
            href={exportHref(path, query, format, i18n.language)}
            download
          >
            {t(`exports.${format}`)}
          </Menu.Item>
        ))}
        {onPrepareInBackground ? (
          <>
            <Menu.Divider />
            <Menu.Label>{t('exportJobs.prepare')}</Menu.Label>
            {EXPORT_FORMATS.map((format) => (
              <Menu.Item key={format} onClick={() => onPrepareInBackground(format)}>
                {t(`exports.${format}`)}
              </Menu.Item>
            ))}
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
