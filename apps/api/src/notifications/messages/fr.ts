import type { MessageCatalog } from './catalog';

export const fr: MessageCatalog = {
  title: {
    review_assigned: 'Il vous est demandé d’évaluer {code}',
    consent_expiring: 'Le consentement pour {code} ({country}) expire dans {days} jours',
    consent_withdrawn: 'Le consentement pour {code} ({country}) a été retiré',
    paragraph6_lost: '{code} ne satisfait plus au paragraphe 6',
    receipt_recorded: 'Encaissement de {amount} {currency} enregistré',
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
  },
  dueOn: 'L’évaluation est attendue pour le {due}.',
  open: 'Ouvrir dans HSTF Portfolio',
  digestSubject: 'HSTF Portfolio : {count} notifications du jour',
  digestIntro: 'Ce qui s’est passé depuis le dernier récapitulatif :',
  footer:
    'Vous recevez ce message de HSTF Portfolio, le système de référence du Fonds d’affectation spéciale des Nations Unies pour la sécurité humaine. Choisissez ce que vous recevez, et comment, dans vos paramètres de notification.',
};
