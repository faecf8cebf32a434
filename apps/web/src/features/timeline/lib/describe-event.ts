import type { TFunction } from 'i18next';
import { isPrincipleId, isStage } from '@hstf/domain';
import { actionLabel, entityLabel, fieldLabel } from '../../../lib/audit-words';
import type { ProjectFormat } from '../../../lib/project-format';
import type { TimelineEvent } from '../api/timeline';

/** An event in words: what happened, and the details that say why (a note, a reason, what changed). */
export interface DescribedEvent {
  kind: 'decision' | 'consent' | 'alignment' | 'review' | 'money' | 'record';
  title: string;
  details: string[];
}

type Record_ = Record<string, unknown> | null;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const field = (record: Record_, ...names: string[]): unknown => {
  for (const name of names) if (record && record[name] !== undefined) return record[name];
  return undefined;
};

/** The fields no reader needs named: bookkeeping every change moves. */
const QUIET_FIELDS = new Set(['version', 'updatedAt', 'updated_at', 'createdAt', 'created_at']);

/**
 * The words of one event of the project's timeline, from what the API recorded before and after the
 * change; a kind of record this screen does not know yet is still named, with its action.
 */
export function describeEvent(event: TimelineEvent, t: TFunction, format: ProjectFormat): DescribedEvent {
  const before = event.before;
  const after = event.after;
  const record = after ?? before;
  const stage = (value: unknown) => (isStage(value) ? t(`projects.stages.${value}`) : text(value));
  const country = () => {
    const code = text(field(record, 'countryIso3', 'country_iso3'));
    return code ? format.country(code) : '';
  };
  const consentStatus = (value: unknown) => {
    const status = text(value);
    return ['requested', 'granted', 'refused', 'withdrawn', 'expired'].includes(status)
      ? t(`projects.consent.status.${status as 'granted'}`)
      : status;
  };
  const changed = event.changed.filter((name) => !QUIET_FIELDS.has(name));
  const changedLineOf = (names: string[]) =>
    names.length
      ? [t('timeline.changed', { fields: format.list(names.map((name) => fieldLabel(t, name))) })]
      : [];
  const changedLine = changedLineOf(changed);

  switch (event.entity) {
    case 'project': {
      if (event.action === 'transition') {
        const move = (field(after, 'transition') ?? {}) as Record<string, unknown>;
        const evidence = (move['evidence'] ?? {}) as Record<string, unknown>;
        const details = [
          ...(text(evidence['reason']) ? [t('timeline.reason', { reason: text(evidence['reason']) })] : []),
          ...(text(move['note']) ? [t('timeline.note', { note: text(move['note']) })] : []),
        ];
        return {
          kind: 'decision',
          title: t('timeline.events.transition', {
            from: stage(field(before, 'stage') ?? move['from']),
            to: stage(field(after, 'stage') ?? move['to']),
          }),
          details,
        };
      }
      if (event.action === 'create')
        return { kind: 'record', title: t('timeline.events.projectCreate'), details: [] };
      if (event.action === 'delete')
        return { kind: 'record', title: t('timeline.events.projectDelete'), details: [] };
      const translated = translationLines(before, after, t, format.locale);
      const others = changed.filter((name) => !TRANSLATION_FIELDS.has(name));
      if (translated.length > 0 && others.length === 0)
        return { kind: 'record', title: translated[0]!, details: translated.slice(1) };
      return {
        kind: 'record',
        title: t('timeline.events.projectUpdate'),
        details: [...changedLineOf(others), ...translated],
      };
    }
    case 'project_transition':
      return {
        kind: 'decision',
        title: t('timeline.events.transition', {
          from: stage(field(after, 'from_stage', 'from')),
          to: stage(field(after, 'to_stage', 'to')),
        }),
        details: text(field(after, 'note')) ? [t('timeline.note', { note: text(field(after, 'note')) })] : [],
      };
    case 'consent':
    case 'consent_record': {
      if (event.action === 'create' || !before) {
        return {
          kind: 'consent',
          title: t('timeline.events.consentCreate', {
            country: country(),
            status: consentStatus(field(after, 'status')),
          }),
          details: [],
        };
      }
      const from = field(before, 'status');
      const to = field(after, 'status');
      if (from !== to) {
        const reason = text(field(after, 'withdrawalReason'));
        return {
          kind: 'consent',
          title: t('timeline.events.consentStatus', {
            country: country(),
            from: consentStatus(from),
            to: consentStatus(to),
          }),
          details: reason ? [t('timeline.reason', { reason })] : [],
        };
      }
      return {
        kind: 'consent',
        title: t('timeline.events.consentUpdate', { country: country() }),
        details: changedLine,
      };
    }
    case 'alignment': {
      const values = { country: country(), strategy: text(field(record, 'strategyTitle')) };
      const key =
        event.action === 'create'
          ? 'timeline.events.alignmentCreate'
          : event.action === 'delete'
            ? 'timeline.events.alignmentDelete'
            : 'timeline.events.alignmentUpdate';
      return {
        kind: 'alignment',
        title: t(key, values),
        details: event.action === 'update' ? changedLine : [],
      };
    }
    case 'review': {
      if (event.action === 'create')
        return { kind: 'review', title: t('timeline.events.reviewCreate'), details: [] };
      const submitted = field(after, 'status') === 'submitted' && field(before, 'status') !== 'submitted';
      return {
        kind: 'review',
        title: t(submitted ? 'timeline.events.reviewSubmitted' : 'timeline.events.reviewUpdate'),
        details: [],
      };
    }
    case 'moderation_note': {
      const principle = field(record, 'principle');
      return {
        kind: 'review',
        title: t('timeline.events.moderationNote', {
          principle: isPrincipleId(principle) ? t(`projects.principles.${principle}`) : text(principle),
        }),
        details: text(field(after, 'note')) ? [text(field(after, 'note'))] : [],
      };
    }
    case 'transfer': {
      const kind = text(field(after, 'kind'));
      const values = {
        amount: format.money(text(field(after, 'amountUsd'))),
        organization: text(field(after, 'organizationName')),
      };
      const key =
        kind === 'reversal' || event.action === 'reverse'
          ? 'timeline.events.reversal'
          : kind === 'refund'
            ? 'timeline.events.refund'
            : 'timeline.events.transfer';
      const reason = text(field(after, 'reason'));
      return {
        kind: 'money',
        title: t(key, values),
        details: [
          ...(reason ? [t('timeline.reason', { reason })] : []),
          ...(text(field(after, 'plannedTrancheId')) ? [t('tranches.timeline.released')] : []),
        ],
      };
    }
    case 'tranche': {
      const values = {
        amount: format.money(text(field(record, 'amountUsd'))),
        organization: text(field(record, 'organizationName')),
        date: format.date(text(field(record, 'plannedOn'))),
      };
      const condition = text(field(after, 'condition'));
      if (event.action === 'create') {
        return {
          kind: 'money',
          title: t('tranches.timeline.create', values),
          details: condition ? [t('tranches.timeline.condition', { condition })] : [],
        };
      }
      if (event.action === 'delete')
        return { kind: 'money', title: t('tranches.timeline.delete', values), details: [] };
      return { kind: 'money', title: t('tranches.timeline.update', values), details: changedLine };
    }
    case 'revision': {
      const kind = text(field(record, 'kind')) === 'extension' ? 'extension' : 'budget';
      const values = { kind: t(`revisions.kinds.${kind}`) };
      const status = text(field(after, 'status'));
      if (event.action === 'create' || !before) {
        const justification = text(field(after, 'justification'));
        return {
          kind: 'decision',
          title: t('timeline.events.revisionRequested', values),
          details: justification ? [t('timeline.note', { note: justification })] : [],
        };
      }
      if (status === 'approved' || status === 'rejected') {
        const comment = text(field(after, 'decisionComment'));
        return {
          kind: 'decision',
          title: t(`timeline.events.revision_${status}`, values),
          details: comment ? [t('timeline.note', { note: comment })] : [],
        };
      }
      return {
        kind: 'decision',
        title: t('timeline.events.revisionRequested', values),
        details: changedLine,
      };
    }
    case 'report': {
      const kind = text(field(record, 'kind'));
      const report =
        kind === 'progress'
          ? t('reports.kinds.progressYear', { year: field(record, 'sequence') })
          : kind === 'final_narrative' || kind === 'final_financial'
            ? t(`reports.kinds.${kind}`)
            : t('reports.kinds.progress');
      const from = text(field(before, 'status'));
      const to = text(field(after, 'status')) as 'submitted' | 'accepted' | 'returned';
      const comments = text(field(after, 'comments'));
      const moved = from !== to && ['submitted', 'accepted', 'returned'].includes(to);
      return {
        kind: 'record',
        title: moved
          ? t(`timeline.events.report_${to}`, { report })
          : t('timeline.events.reportUpdate', { report }),
        details: moved && comments ? [t('timeline.note', { note: comments })] : moved ? [] : changedLine,
      };
    }
    case 'consent_document':
    case 'project_document':
    case 'report_document':
    case 'revision_document': {
      const recordKind = event.entity.replace(/_document$/, '') as 'consent';
      const documentKind = text(field(record, 'documentKind'));
      return {
        kind: 'record',
        title: t(event.action === 'delete' ? 'documents.timeline.removed' : 'documents.timeline.attached', {
          kind: documentKind ? t(`documents.kinds.${documentKind as 'other'}`) : '',
          record: t(`documents.records.${recordKind}`),
          name: text(field(record, 'fileName')),
        }),
        details: [],
      };
    }
    case 'report_results':
      return { kind: 'record', title: t('timeline.events.reportResults'), details: [] };
    case 'outcome':
    case 'output':
    case 'indicator':
    case 'lesson': {
      const name = text(field(record, 'title', 'name'));
      const action = event.action === 'create' || event.action === 'delete' ? event.action : 'update';
      return {
        kind: 'record',
        title: t(`timeline.events.${event.entity}_${action}`, { name }),
        details: action === 'update' ? changedLine : [],
      };
    }
    default: {
      const name = text(field(record, 'name', 'title', 'code'));
      const values = { record: entityLabel(t, event.entity), name };
      const action = ['create', 'update', 'delete'].includes(event.action)
        ? (event.action as 'create' | 'update' | 'delete')
        : null;
      return {
        kind: 'record',
        title: action
          ? t(`timelineWords.${action}${name ? 'Named' : ''}`, values)
          : t('timelineWords.other', { ...values, action: actionLabel(t, event.action) }),
        details: action === 'update' || !action ? changedLine : [],
      };
    }
  }
}

const TRANSLATION_FIELDS = new Set(['titleTranslations', 'summaryTranslations']);

/**
 * A project's titles and summaries in other languages, as a reader says their change: which
 * languages were written or rewritten, and which removed.
 */
function translationLines(before: Record_, after: Record_, t: TFunction, locale: string): string[] {
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const languages = (codes: string[]) => list.format(codes.map((code) => names.of(code) ?? code));
  const lines: string[] = [];
  for (const [name, part] of [
    ['titleTranslations', 'title'],
    ['summaryTranslations', 'summary'],
  ] as const) {
    const was = (field(before, name) ?? {}) as Record<string, unknown>;
    const is = (field(after, name) ?? {}) as Record<string, unknown>;
    const written = Object.keys(is).filter((code) => text(is[code]) && is[code] !== was[code]);
    const removed = Object.keys(was).filter((code) => text(was[code]) && !text(is[code]));
    if (written.length) lines.push(t(`timelineWords.${part}Translated`, { languages: languages(written) }));
    if (removed.length)
      lines.push(t(`timelineWords.${part}TranslationRemoved`, { languages: languages(removed) }));
  }
  return lines;
}
