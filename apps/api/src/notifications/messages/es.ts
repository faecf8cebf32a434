import type { MessageCatalog } from './catalog';

export const es: MessageCatalog = {
  title: {
    review_assigned: 'Se le pide evaluar {code}',
    consent_expiring: 'El consentimiento para {code} ({country}) vence en {days} días',
    consent_withdrawn: 'Se retiró el consentimiento para {code} ({country})',
    paragraph6_lost: '{code} ya no cumple el párrafo 6',
    receipt_recorded: 'Se registró un ingreso de {amount} {currency}',
  },
  body: {
    review_assigned: 'Se le ha asignado la evaluación de la propuesta {code}, «{title}».',
    consent_expiring:
      'El consentimiento de {country} al proyecto {code}, «{title}», es válido hasta el {date}. Solicite su renovación antes de esa fecha.',
    consent_withdrawn:
      'El consentimiento de {country} al proyecto financiado {code}, «{title}», se retiró el {date}.',
    paragraph6_lost:
      'El proyecto {code}, «{title}», ya no cumple el párrafo 6 de la resolución 66/290 de la Asamblea General (consentimiento del Estado receptor y coherencia con las estrategias nacionales) desde el {date}.',
    receipt_recorded: 'Se registró el {date} un ingreso de {amount} {currency} de {donor}. Gracias.',
  },
  dueOn: 'La evaluación vence el {due}.',
  open: 'Abrir en HSTF Portfolio',
  digestSubject: 'HSTF Portfolio: {count} notificaciones del día',
  digestIntro: 'Lo ocurrido desde el último resumen:',
  footer:
    'Recibe este mensaje de HSTF Portfolio, el sistema de registro del Fondo Fiduciario de las Naciones Unidas para la Seguridad Humana. Elija qué recibe, y cómo, en su configuración de notificaciones.',
};
