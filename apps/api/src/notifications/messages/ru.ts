import type { MessageCatalog } from './catalog';

export const ru: MessageCatalog = {
  title: {
    review_assigned: 'Вас просят оценить {code}',
    consent_expiring: 'Согласие по {code} ({country}) истекает через {days} дн.',
    consent_withdrawn: 'Согласие по {code} ({country}) отозвано',
    paragraph6_lost: '{code} больше не соответствует пункту 6',
    receipt_recorded: 'Зарегистрировано поступление {amount} {currency}',
  },
  body: {
    review_assigned: 'Вам поручена оценка предложения {code} «{title}».',
    consent_expiring:
      'Согласие {country} на проект {code} «{title}» действительно до {date}. Запросите его продление до этой даты.',
    consent_withdrawn: 'Согласие {country} на финансируемый проект {code} «{title}» было отозвано {date}.',
    paragraph6_lost:
      'Проект {code} «{title}» с {date} больше не соответствует пункту 6 резолюции 66/290 Генеральной Ассамблеи (согласие государства-получателя и соответствие национальным стратегиям).',
    receipt_recorded: '{date} зарегистрировано поступление {amount} {currency} от {donor}. Благодарим вас.',
  },
  dueOn: 'Срок оценки — {due}.',
  open: 'Открыть в HSTF Portfolio',
  digestSubject: 'HSTF Portfolio: уведомления за день ({count})',
  digestIntro: 'Что произошло после последней сводки:',
  footer:
    'Это сообщение отправлено системой HSTF Portfolio — системой учета Целевого фонда Организации Объединенных Наций для безопасности человека. Выберите, какие сообщения и как получать, в настройках уведомлений.',
};
