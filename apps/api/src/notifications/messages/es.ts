import type { MessageCatalog } from './catalog';

export const es: MessageCatalog = {
  title: {
    review_assigned: 'Se le pide evaluar {code}',
    consent_expiring: 'El consentimiento para {code} ({country}) vence en {days} días',
    consent_withdrawn: 'Se retiró el consentimiento para {code} ({country})',
    paragraph6_lost: '{code} ya no cumple el párrafo 6',
    receipt_recorded: 'Se registró un ingreso de {amount} {currency}',
    review_reminder: 'Su evaluación de {code} vence el {due}',
    review_overdue: 'Una evaluación de {code} está vencida',
    proposal_waiting: '{code} lleva {days} días en evaluación',
    consent_request_overdue:
      'Consentimiento de {country} para {code} solicitado hace {days} días, sin respuesta',
    report_due: 'Vencimiento de {report} de {code}: {date}',
    report_overdue: 'Vencido: {report} de {code}',
    revision_decided: '{code}: decisión sobre la solicitud ({revision}): {decision}',
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
    review_reminder: 'Su evaluación de la propuesta {code}, «{title}», vence el {due}.',
    review_overdue:
      'La evaluación de la propuesta {code}, «{title}», asignada a {reviewer}, vencía el {due} y no se ha presentado.',
    proposal_waiting:
      'La propuesta {code}, «{title}», está en evaluación desde el {date}, más tiempo del que prevé el Fondo.',
    consent_request_overdue:
      'El consentimiento de {country} para la propuesta {code}, «{title}», se solicitó el {date} y sigue sin respuesta.',
    report_due: 'Vencimiento de {report} del proyecto {code}, «{title}»: el {date}.',
    report_overdue: '{report} del proyecto {code}, «{title}», vencía el {date} y no ha sido aceptado.',
    revision_decided: 'La solicitud ({revision}) para el proyecto {code}, «{title}», fue {decision}.',
  },
  words: {
    revision: { budget: 'revisión presupuestaria', extension: 'prórroga sin costo' },
    decision: { approved: 'aprobada', rejected: 'rechazada' },
    report: {
      progress: 'informe de progreso',
      final_narrative: 'informe narrativo final',
      final_financial: 'estado financiero final',
    },
  },
  dueOn: 'La evaluación vence el {due}.',
  open: 'Abrir en HSTF Portfolio',
  digestSubject: 'HSTF Portfolio: {count} notificaciones del día',
  digestIntro: 'Lo ocurrido desde el último resumen:',
  footer:
    'Recibe este mensaje de HSTF Portfolio, el sistema de registro del Fondo Fiduciario de las Naciones Unidas para la Seguridad Humana. Elija qué recibe, y cómo, en su configuración de notificaciones.',
  contactFooter:
    'Recibe este mensaje como contacto de {organization} registrado por el Fondo Fiduciario de las Naciones Unidas para la Seguridad Humana para este proyecto. Para cambiar o eliminar este contacto, escriba a la Dependencia de Seguridad Humana del Fondo.',
};
