import 'i18next';
import type en from './locales/en.json';
import type reviewsEn from '../features/reviews/locales/en.json';
import type usersEn from '../features/users/locales/en.json';
import type auditEn from '../features/audit/locales/en.json';
import type strategiesEn from '../features/strategies/locales/en.json';
import type donorsEn from '../features/donors/locales/en.json';
import type overviewEn from '../features/overview/locales/en.json';
import type countriesEn from '../features/countries/locales/en.json';
import type projectsEn from '../features/projects/locales/en.json';
import type revisionsEn from '../features/revisions/locales/en.json';
import type lessonsEn from '../features/lessons/locales/en.json';
import type reportsEn from '../features/reports/locales/en.json';
import type resultsEn from '../features/results/locales/en.json';
import type suspensionEn from '../features/lifecycle/locales/en.json';
import type timelineEn from '../features/timeline/locales/en.json';
import type notificationsEn from '../features/notifications/locales/en.json';
import type receiptsEn from '../features/receipts/locales/en.json';
import type tranchesEn from '../features/transfers/locales/en.json';
import type importsEn from '../features/imports/locales/en.json';
import type statementsEn from '../features/statements/locales/en.json';
import type publicPageEn from '../features/public-page/locales/en.json';
import type documentsEn from '../features/documents/locales/en.json';
import type accessTokensEn from '../features/access-tokens/locales/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en &
        typeof reviewsEn &
        typeof usersEn &
        typeof auditEn &
        typeof strategiesEn &
        typeof donorsEn &
        typeof overviewEn &
        typeof countriesEn &
        typeof projectsEn &
        typeof revisionsEn &
        typeof lessonsEn &
        typeof reportsEn &
        typeof resultsEn &
        typeof suspensionEn &
        typeof timelineEn &
        typeof notificationsEn &
        typeof receiptsEn &
        typeof tranchesEn &
        typeof importsEn &
        typeof statementsEn &
        typeof publicPageEn &
        typeof documentsEn &
        typeof accessTokensEn;
    };
  }
}
