import type { MessageCatalog } from './catalog';

export const ar: MessageCatalog = {
  title: {
    review_assigned: 'يُطلب منك تقييم {code}',
    consent_expiring: 'تنتهي موافقة {country} على {code} خلال {days} يومًا',
    consent_withdrawn: 'سُحبت موافقة {country} على {code}',
    paragraph6_lost: 'لم يعد {code} مستوفيًا للفقرة 6',
    receipt_recorded: 'تم تسجيل مقبوضات بمبلغ {amount} {currency}',
  },
  body: {
    review_assigned: 'تم تكليفك بتقييم المقترح {code} «{title}».',
    consent_expiring:
      'موافقة {country} على المشروع {code} «{title}» سارية حتى {date}. اطلب تجديدها قبل ذلك التاريخ.',
    consent_withdrawn: 'سُحبت موافقة {country} على المشروع المموَّل {code} «{title}» في {date}.',
    paragraph6_lost:
      'لم يعد المشروع {code} «{title}» مستوفيًا للفقرة 6 من قرار الجمعية العامة 66/290 (موافقة الدولة المتلقية والاتساق مع الاستراتيجيات الوطنية) اعتبارًا من {date}.',
    receipt_recorded: 'تم في {date} تسجيل مقبوضات بمبلغ {amount} {currency} من {donor}. شكرًا لكم.',
  },
  dueOn: 'موعد تسليم التقييم {due}.',
  open: 'افتح في HSTF Portfolio',
  digestSubject: 'HSTF Portfolio: {count} إشعارات اليوم',
  digestIntro: 'ما جرى منذ الملخص الأخير:',
  footer:
    'تصلك هذه الرسالة من HSTF Portfolio، نظام السجلات لصندوق الأمم المتحدة الاستئماني للأمن البشري. اختر ما تتلقاه وكيفية تلقيه في إعدادات الإشعارات.',
};
