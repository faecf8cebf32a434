import type { MessageCatalog } from './catalog';

export const ar: MessageCatalog = {
  title: {
    review_assigned: 'يُطلب منك تقييم {code}',
    consent_expiring: 'تنتهي موافقة {country} على {code} خلال {days} يومًا',
    consent_withdrawn: 'سُحبت موافقة {country} على {code}',
    paragraph6_lost: 'لم يعد {code} مستوفيًا للفقرة 6',
    receipt_recorded: 'تم تسجيل مقبوضات بمبلغ {amount} {currency}',
    review_reminder: 'موعد تسليم تقييمك لـ {code} هو {due}',
    review_overdue: 'تأخر تقييم لـ {code}',
    proposal_waiting: '{code} قيد التقييم منذ {days} يومًا',
    consent_request_overdue: 'طُلبت موافقة {country} على {code} قبل {days} يومًا دون رد',
    report_due: 'موعد تقديم {report} لـ {code} هو {date}',
    report_overdue: 'تأخر تقديم {report} لـ {code}',
    revision_decided: 'صدر قرار بشأن طلب {revision} لـ {code}: {decision}',
  },
  body: {
    review_assigned: 'تم تكليفك بتقييم المقترح {code} «{title}».',
    consent_expiring:
      'موافقة {country} على المشروع {code} «{title}» سارية حتى {date}. اطلب تجديدها قبل ذلك التاريخ.',
    consent_withdrawn: 'سُحبت موافقة {country} على المشروع المموَّل {code} «{title}» في {date}.',
    paragraph6_lost:
      'لم يعد المشروع {code} «{title}» مستوفيًا للفقرة 6 من قرار الجمعية العامة 66/290 (موافقة الدولة المتلقية والاتساق مع الاستراتيجيات الوطنية) اعتبارًا من {date}.',
    receipt_recorded: 'تم في {date} تسجيل مقبوضات بمبلغ {amount} {currency} من {donor}. شكرًا لكم.',
    review_reminder: 'موعد تسليم تقييمك للمقترح {code} «{title}» هو {due}.',
    review_overdue:
      'كان موعد تسليم تقييم المقترح {code} «{title}» المسند إلى {reviewer} هو {due}، ولم يُقدَّم بعد.',
    proposal_waiting: 'المقترح {code} «{title}» قيد التقييم منذ {date}، أي مدة أطول مما يسمح به الصندوق.',
    consent_request_overdue: 'طُلبت موافقة {country} على المقترح {code} «{title}» في {date} ولم يرد أي رد.',
    report_due: 'موعد تقديم {report} للمشروع {code} «{title}» هو {date}.',
    report_overdue: 'كان موعد تقديم {report} للمشروع {code} «{title}» هو {date}، ولم يُقبل بعد.',
    revision_decided: 'صدر قرار بشأن طلب {revision} للمشروع {code} «{title}»: {decision}.',
  },
  words: {
    revision: { budget: 'تنقيح الميزانية', extension: 'التمديد دون تكلفة' },
    decision: { approved: 'الموافقة', rejected: 'الرفض' },
    report: {
      progress: 'التقرير المرحلي',
      final_narrative: 'التقرير السردي الختامي',
      final_financial: 'البيان المالي الختامي',
    },
  },
  dueOn: 'موعد تسليم التقييم {due}.',
  open: 'افتح في HSTF Portfolio',
  digestSubject: 'HSTF Portfolio: {count} إشعارات اليوم',
  digestIntro: 'ما جرى منذ الملخص الأخير:',
  footer:
    'تصلك هذه الرسالة من HSTF Portfolio، نظام السجلات لصندوق الأمم المتحدة الاستئماني للأمن البشري. اختر ما تتلقاه وكيفية تلقيه في إعدادات الإشعارات.',
  contactFooter:
    'تصلك هذه الرسالة بصفتك جهة الاتصال لدى {organization} المسجلة لدى صندوق الأمم المتحدة الاستئماني للأمن البشري لهذا المشروع. لتغيير جهة الاتصال هذه أو حذفها، يُرجى مراسلة وحدة الأمن البشري التابعة للصندوق.',
};
