import type { MessageCatalog } from './catalog';

export const ru: MessageCatalog = {
  title: {
    review_assigned: 'Вас просят оценить {code}',
    consent_expiring: 'Согласие по {code} ({country}) истекает через {days} дн.',
    consent_withdrawn: 'Согласие по {code} ({country}) отозвано',
    paragraph6_lost: '{code} больше не соответствует пункту 6',
    receipt_recorded: 'Зарегистрировано поступление {amount} {currency}',
    review_reminder: 'Срок вашей оценки {code} — {due}',
    review_overdue: 'Оценка {code} просрочена',
    proposal_waiting: '{code} находится на оценке {days} дн.',
    consent_request_overdue: 'Согласие страны ({country}) на {code} запрошено {days} дн. назад, ответа нет',
    report_due: '{code}: срок ({report}) — {date}',
    report_overdue: '{code}: просрочено ({report})',
    revision_decided: '{code}: решение по запросу ({revision}) — {decision}',
  },
  body: {
    review_assigned: 'Вам поручена оценка предложения {code} «{title}».',
    consent_expiring:
      'Согласие {country} на проект {code} «{title}» действительно до {date}. Запросите его продление до этой даты.',
    consent_withdrawn: 'Согласие {country} на финансируемый проект {code} «{title}» было отозвано {date}.',
    paragraph6_lost:
      'Проект {code} «{title}» с {date} больше не соответствует пункту 6 резолюции 66/290 Генеральной Ассамблеи (согласие государства-получателя и соответствие национальным стратегиям).',
    receipt_recorded: '{date} зарегистрировано поступление {amount} {currency} от {donor}. Благодарим вас.',
    review_reminder: 'Срок представления вашей оценки предложения {code} «{title}» — {due}.',
    review_overdue:
      'Оценка предложения {code} «{title}», порученная {reviewer}, должна была быть представлена {due} и не представлена.',
    proposal_waiting:
      'Предложение {code} «{title}» находится на оценке с {date}, дольше, чем предусмотрено Фондом.',
    consent_request_overdue:
      'Согласие страны ({country}) на предложение {code} «{title}» было запрошено {date}, ответа нет.',
    report_due: 'Проект {code} «{title}»: срок представления ({report}) — {date}.',
    report_overdue:
      'Проект {code} «{title}»: срок представления ({report}) истёк {date}, документ не принят.',
    revision_decided: 'Запрос ({revision}) по проекту {code} «{title}»: {decision}.',
  },
  words: {
    revision: { budget: 'пересмотр бюджета', extension: 'продление без дополнительных затрат' },
    decision: { approved: 'одобрен', rejected: 'отклонён' },
    report: {
      progress: 'отчёт о ходе работы',
      final_narrative: 'итоговый описательный отчёт',
      final_financial: 'итоговый финансовый отчёт',
    },
  },
  dueOn: 'Срок оценки — {due}.',
  open: 'Открыть в HSTF Portfolio',
  digestSubject: 'HSTF Portfolio: уведомления за день ({count})',
  digestIntro: 'Что произошло после последней сводки:',
  footer:
    'Это сообщение отправлено системой HSTF Portfolio — системой учета Целевого фонда Организации Объединенных Наций для безопасности человека. Выберите, какие сообщения и как получать, в настройках уведомлений.',
  contactFooter:
    'Вы получаете это сообщение как контактное лицо организации {organization}, указанное Целевым фондом Организации Объединённых Наций для безопасности человека для этого проекта. Чтобы изменить или удалить этот контакт, напишите в Группу по безопасности человека Фонда.',
};
