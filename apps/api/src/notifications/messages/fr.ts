import type { MessageCatalog } from './catalog';

export const fr: MessageCatalog = {
  title: {
    review_assigned: 'Il vous est demandé d’évaluer {code}',
    consent_expiring: 'Le consentement pour {code} ({country}) expire dans {days} jours',
    consent_withdrawn: 'Le consentement pour {code} ({country}) a été retiré',
    paragraph6_lost: '{code} ne satisfait plus au paragraphe 6',
    receipt_recorded: 'Encaissement de {amount} {currency} enregistré',
    review_reminder: 'Votre évaluation de {code} est attendue le {due}',
    review_overdue: 'Une évaluation de {code} est en retard',
    proposal_waiting: '{code} est en évaluation depuis {days} jours',
    consent_request_overdue: 'Consentement de {country} à {code} demandé il y a {days} jours, sans réponse',
    report_due: 'Échéance de {report} de {code} le {date}',
    report_overdue: 'En retard : {report} de {code}',
    revision_decided: '{code} : décision sur la demande ({revision}) : {decision}',
  },
  body: {
    review_assigned: 'Vous avez été désigné pour évaluer la proposition {code}, « {title} ».',
    consent_expiring:
      'Le consentement de {country} au projet {code}, « {title} », est valable jusqu’au {date}. Demandez son renouvellement avant cette date.',
    consent_withdrawn:
      'Le consentement de {country} au projet financé {code}, « {title} », a été retiré le {date}.',
    paragraph6_lost:
      'Le projet {code}, « {title} », ne satisfait plus au paragraphe 6 de la résolution 66/290 de l’Assemblée générale (consentement de l’État bénéficiaire et conformité aux stratégies nationales) depuis le {date}.',
    receipt_recorded: 'Un encaissement de {amount} {currency} de {donor} a été enregistré le {date}. Merci.',
    review_reminder: 'Votre évaluation de la proposition {code}, « {title} », est attendue le {due}.',
    review_overdue:
      'L’évaluation de la proposition {code}, « {title} », confiée à {reviewer}, était attendue le {due} et n’a pas été remise.',
    proposal_waiting:
      'La proposition {code}, « {title} », est en évaluation depuis le {date}, plus longtemps que le Fonds ne le prévoit.',
    consent_request_overdue:
      'Le consentement de {country} à la proposition {code}, « {title} », a été demandé le {date} et reste sans réponse.',
    report_due: 'Échéance de {report} du projet {code}, « {title} » : le {date}.',
    report_overdue: '{report} du projet {code}, « {title} », était attendu le {date} et n’a pas été accepté.',
    revision_decided: 'La demande ({revision}) concernant le projet {code}, « {title} », a été {decision}.',
  },
  words: {
    revision: { budget: 'révision budgétaire', extension: 'prolongation sans frais' },
    decision: { approved: 'approuvée', rejected: 'rejetée' },
    report: {
      progress: 'rapport d’activité',
      final_narrative: 'rapport descriptif final',
      final_financial: 'état financier final',
    },
  },
  dueOn: 'L’évaluation est attendue pour le {due}.',
  open: 'Ouvrir dans HSTF Portfolio',
  digestSubject: 'HSTF Portfolio : {count} notifications du jour',
  digestIntro: 'Ce qui s’est passé depuis le dernier récapitulatif :',
  footer:
    'Vous recevez ce message de HSTF Portfolio, le système de référence du Fonds d’affectation spéciale des Nations Unies pour la sécurité humaine. Choisissez ce que vous recevez, et comment, dans vos paramètres de notification.',
  contactFooter:
    'Vous recevez ce message en tant que contact de {organization} enregistré par le Fonds d’affectation spéciale des Nations Unies pour la sécurité humaine pour ce projet. Pour modifier ou supprimer ce contact, écrivez au Groupe de la sécurité humaine du Fonds.',
};
