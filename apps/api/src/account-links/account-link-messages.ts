import type { Language } from '@hstf/domain';

export type LinkPurpose = 'invite' | 'reset';

interface LinkWords {
  subject: string;
  body: string;
  action: string;
  expires: string;
  ignore: string;
}

/** The invitation and the reset mail in each language; `{name}` and `{hours}` are filled in. */
export const LINK_MESSAGES: Record<Language, Record<LinkPurpose, LinkWords> & { footer: string }> = {
  en: {
    invite: {
      subject: 'Your HSTF Portfolio account',
      body: 'Hello {name}, an account has been opened for you in HSTF Portfolio, the system of record of the United Nations Trust Fund for Human Security. Choose your password to sign in.',
      action: 'Choose my password',
      expires: 'This link works once and expires in {hours} hours.',
      ignore: 'If you did not expect this invitation, you can ignore this message.',
    },
    reset: {
      subject: 'Reset your HSTF Portfolio password',
      body: 'Hello {name}, someone asked to reset the password of your HSTF Portfolio account.',
      action: 'Choose a new password',
      expires: 'This link works once and expires in {hours} hours.',
      ignore: 'If you did not ask for it, ignore this message: your password stays as it is.',
    },
    footer: 'HSTF Portfolio, United Nations Trust Fund for Human Security.',
  },
  fr: {
    invite: {
      subject: 'Votre compte HSTF Portfolio',
      body: 'Bonjour {name}, un compte vous a été ouvert dans HSTF Portfolio, le système de référence du Fonds d’affectation spéciale des Nations Unies pour la sécurité humaine. Choisissez votre mot de passe pour vous connecter.',
      action: 'Choisir mon mot de passe',
      expires: 'Ce lien ne fonctionne qu’une fois et expire dans {hours} heures.',
      ignore: 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce message.',
    },
    reset: {
      subject: 'Réinitialiser votre mot de passe HSTF Portfolio',
      body: 'Bonjour {name}, quelqu’un a demandé la réinitialisation du mot de passe de votre compte HSTF Portfolio.',
      action: 'Choisir un nouveau mot de passe',
      expires: 'Ce lien ne fonctionne qu’une fois et expire dans {hours} heures.',
      ignore: 'Si vous ne l’avez pas demandé, ignorez ce message : votre mot de passe reste inchangé.',
    },
    footer: 'HSTF Portfolio, Fonds d’affectation spéciale des Nations Unies pour la sécurité humaine.',
  },
  es: {
    invite: {
      subject: 'Su cuenta de HSTF Portfolio',
      body: 'Hola, {name}: se ha abierto una cuenta para usted en HSTF Portfolio, el sistema de registro del Fondo Fiduciario de las Naciones Unidas para la Seguridad Humana. Elija su contraseña para iniciar sesión.',
      action: 'Elegir mi contraseña',
      expires: 'Este enlace funciona una sola vez y vence en {hours} horas.',
      ignore: 'Si no esperaba esta invitación, puede ignorar este mensaje.',
    },
    reset: {
      subject: 'Restablecer su contraseña de HSTF Portfolio',
      body: 'Hola, {name}: alguien pidió restablecer la contraseña de su cuenta de HSTF Portfolio.',
      action: 'Elegir una nueva contraseña',
      expires: 'Este enlace funciona una sola vez y vence en {hours} horas.',
      ignore: 'Si no lo pidió, ignore este mensaje: su contraseña no cambia.',
    },
    footer: 'HSTF Portfolio, Fondo Fiduciario de las Naciones Unidas para la Seguridad Humana.',
  },
  ru: {
    invite: {
      subject: 'Ваша учетная запись HSTF Portfolio',
      body: 'Здравствуйте, {name}! Для вас открыта учетная запись в HSTF Portfolio — системе учета Целевого фонда Организации Объединенных Наций для безопасности человека. Выберите пароль, чтобы войти.',
      action: 'Выбрать пароль',
      expires: 'Ссылка действует один раз и истекает через {hours} ч.',
      ignore: 'Если вы не ожидали этого приглашения, просто проигнорируйте это письмо.',
    },
    reset: {
      subject: 'Сброс пароля HSTF Portfolio',
      body: 'Здравствуйте, {name}! Поступил запрос на сброс пароля вашей учетной записи HSTF Portfolio.',
      action: 'Выбрать новый пароль',
      expires: 'Ссылка действует один раз и истекает через {hours} ч.',
      ignore: 'Если вы этого не запрашивали, проигнорируйте письмо: ваш пароль не изменится.',
    },
    footer: 'HSTF Portfolio, Целевой фонд Организации Объединенных Наций для безопасности человека.',
  },
  zh: {
    invite: {
      subject: '您的 HSTF Portfolio 账户',
      body: '{name}，您好：我们已在联合国人的安全信托基金的记录系统 HSTF Portfolio 中为您开设账户。请设置密码后登录。',
      action: '设置我的密码',
      expires: '此链接只能使用一次，将在 {hours} 小时后失效。',
      ignore: '如果您没有预期收到此邀请，可以忽略此邮件。',
    },
    reset: {
      subject: '重置您的 HSTF Portfolio 密码',
      body: '{name}，您好：有人申请重置您的 HSTF Portfolio 账户密码。',
      action: '设置新密码',
      expires: '此链接只能使用一次，将在 {hours} 小时后失效。',
      ignore: '如果这不是您本人的申请，请忽略此邮件：您的密码保持不变。',
    },
    footer: 'HSTF Portfolio，联合国人的安全信托基金。',
  },
  ar: {
    invite: {
      subject: 'حسابك في HSTF Portfolio',
      body: 'مرحبًا {name}، فُتح لك حساب في HSTF Portfolio، نظام السجلات لصندوق الأمم المتحدة الاستئماني للأمن البشري. اختر كلمة المرور لتسجيل الدخول.',
      action: 'اختيار كلمة المرور',
      expires: 'يعمل هذا الرابط مرة واحدة وتنتهي صلاحيته خلال {hours} ساعة.',
      ignore: 'إذا لم تكن تتوقع هذه الدعوة، يمكنك تجاهل هذه الرسالة.',
    },
    reset: {
      subject: 'إعادة تعيين كلمة مرور HSTF Portfolio',
      body: 'مرحبًا {name}، طلب أحدهم إعادة تعيين كلمة مرور حسابك في HSTF Portfolio.',
      action: 'اختيار كلمة مرور جديدة',
      expires: 'يعمل هذا الرابط مرة واحدة وتنتهي صلاحيته خلال {hours} ساعة.',
      ignore: 'إذا لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
    },
    footer: 'HSTF Portfolio، صندوق الأمم المتحدة الاستئماني للأمن البشري.',
  },
};
