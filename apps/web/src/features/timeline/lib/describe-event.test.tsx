import { renderHook } from '@testing-library/react';
import i18next, { type TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { actionLabel, entityLabel } from '../../../lib/audit-words';
import { AUDITED_ACTIONS, AUDITED_ENTITIES } from '../../../lib/audited-kinds';
import { useProjectFormat } from '../../../lib/project-format';
import type { TimelineEvent } from '../api/timeline';
import { describeEvent } from './describe-event';

type Tree = { [key: string]: string | Tree };

// The shell's strings and every feature's, one language at a time, as the app merges them.
const files = import.meta.glob<Tree>(['../../../i18n/locales/*.json', '../../*/locales/*.json'], {
  eager: true,
  import: 'default',
});
const strings = (language: string): Tree =>
  Object.assign(
    {},
    ...Object.entries(files)
      .filter(([file]) => file.endsWith(`/${language}.json`))
      .map(([, tree]) => tree),
  ) as Tree;

/**
 * A language's strings with no fallback to English: a key missing in that language is reported,
 * never quietly answered in English.
 */
async function reader(language: string) {
  const missing: string[] = [];
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    fallbackLng: false,
    resources: { [language]: { translation: strings(language) } },
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_languages, _namespace, key) => missing.push(key),
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
  );
  const format = renderHook(() => useProjectFormat(), { wrapper }).result.current;
  return { t: i18n.t as TFunction, format, missing };
}

const PROJECT = '5d1c7e9b-0b6f-4a52-9a43-2f5d1c7e9b10';

/** An event of each audited kind and action, its record as plain as the API records one. */
function event(entity: string, action: string): TimelineEvent {
  const record = {
    id: 'r-1',
    projectId: PROJECT,
    name: 'Field kit',
    countryIso3: 'KEN',
    status: 'granted',
    kind: 'progress',
    sequence: 1,
    amountUsd: '1000.00',
    organizationName: 'UNDP',
    plannedOn: '2026-05-01',
    stage: 'active',
    documentKind: 'other',
    fileName: 'letter.pdf',
    principle: 'people_centred',
  };
  return {
    id: `${entity}-${action}`,
    occurredAt: '2026-11-20T10:00:00.000Z',
    action,
    entity,
    entityId: 'r-1',
    actorName: 'Amina Diallo',
    actorEmail: null,
    changed: action === 'create' ? [] : ['status', 'amountUsd'],
    before: action === 'create' ? null : { ...record, status: 'requested' },
    after: action === 'delete' ? null : record,
  } as TimelineEvent;
}

const LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];

describe('the words of audited events', () => {
  it.each(LANGUAGES)(
    'has words in %s for every kind of record and action the API audits',
    async (language) => {
      const { t, format, missing } = await reader(language);
      for (const entity of AUDITED_ENTITIES) {
        expect(entityLabel(t, entity), entity).not.toBe(entity);
        for (const action of AUDITED_ACTIONS) {
          const described = describeEvent(event(entity, action), t, format);
          expect(described.title, `${entity} ${action}`).not.toMatch(/{{|^$/);
          expect(described.title).not.toContain(entity.includes('_') ? entity : `“${entity}”`);
        }
      }
      for (const action of AUDITED_ACTIONS) expect(actionLabel(t, action), action).not.toBe(action);
      expect(missing).toEqual([]);
    },
  );

  it('says in which languages a project title or summary was written or removed', async () => {
    const { t, format } = await reader('en');
    const translated = describeEvent(
      {
        ...event('project', 'update'),
        changed: ['titleTranslations', 'summaryTranslations', 'version'],
        before: { titleTranslations: { es: 'Título' }, summaryTranslations: { ru: 'Описание' } },
        after: {
          titleTranslations: { es: 'Título', fr: 'Titre', ar: 'عنوان' },
          summaryTranslations: {},
        },
      },
      t,
      format,
    );
    expect(translated.title).toBe('Title written in French and Arabic');
    expect(translated.details).toEqual(['Summary in Russian removed']);

    const withOthers = describeEvent(
      {
        ...event('project', 'update'),
        changed: ['requestedBudget', 'titleTranslations'],
        before: { titleTranslations: {} },
        after: { titleTranslations: { zh: '标题' } },
      },
      t,
      format,
    );
    expect(withOthers.title).toBe('Project record changed');
    expect(withOthers.details).toEqual(['Changed: Requested budget', 'Title written in Chinese']);
  });

  it('names a record the timeline has no story of its own for by its kind and name', async () => {
    const { t, format } = await reader('fr');
    expect(describeEvent(event('organization', 'update'), t, format).title).toBe(
      'Modification : Organisation — Field kit',
    );
  });
});
