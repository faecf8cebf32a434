import {
  COMPLIANCE_STATUSES,
  PROJECT_READERS,
  STAGES,
  type ComplianceStatus,
  type Stage,
} from '@hstf/domain';
import { Route } from 'react-router';
import { renderSignedInScreen, withInitialsMarker } from '../../../app/prerender/signed-in-first-screens';
import { renderScreen } from '../../../app/prerender/render-screen';
import { ComplianceBadge, StageBadge } from '../../../components/Badges';
import { directionOf, type Language } from '../../../i18n/languages';
import { drawInEachLanguage } from '../../../i18n/prerender';
import { projectKeys } from '../api/keys';
import type { Project, ProjectCompliance } from '../api/types';
import { ProjectRoute } from '../routes/ProjectRoute';

/**
 * Where the API writes the project's own texts into its page: markers no translation contains,
 * which React writes as they are. `stage`, `paragraph6` and `originalTitle` take markup (the stage's
 * and paragraph 6's badges, and the line naming the title as first written, or nothing), the others
 * text.
 */
export const PROJECT_MARKERS = {
  id: '{{id}}',
  code: '{{code}}',
  title: '{{title}}',
  window: '{{window}}',
  place: '{{place}}',
  stage: '{{stage}}',
  paragraph6: '{{paragraph6}}',
  original: '{{original}}',
  originalTitle: '{{originalTitle}}',
  lead: '{{lead}}',
} as const;

export interface ProjectFirstScreens {
  dir: 'ltr' | 'rtl';
  /** The document's title, as the route sets it, with the code's marker. */
  title: string;
  /** Markup for #root per role, with USER_MARKERS and PROJECT_MARKERS where the texts go. */
  roles: Record<(typeof PROJECT_READERS)[number], string>;
  /** Each stage's badge. */
  stages: Record<Stage, string>;
  /** Each paragraph 6 status's badge: the heading shows today's, as GET /projects/:id/compliance answers it. */
  paragraph6: Record<ComplianceStatus, string>;
  /** The line under a translated title, naming it as first written (with the `original` marker). */
  originalTitle: string;
  /** The phrases of the line that says where the project works and who leads it. */
  place: { noCountries: string; ledBy: string };
}

const MARKED_STAGE: Stage = 'concept_note';
const MARKED_STATUS: ComplianceStatus = 'pending';

/** Paragraph 6 as the heading reads it: only its status. */
const markedCompliance = (project: Project): ProjectCompliance => ({
  projectId: project.id,
  code: project.code,
  title: project.title,
  stage: project.stage,
  on: '2026-01-01',
  basis: 'today',
  projectStart: null,
  status: MARKED_STATUS,
  paragraph6: { citation: '', text: '' },
  reasons: [],
  countries: [],
  history: [],
  paragraph3: { status: 'declared', declarations: [], problems: [] },
});

/** A project whose every text the heading shows is a marker, its title translated into `language`. */
function markedProject(language: Language): Project {
  return {
    id: PROJECT_MARKERS.id,
    code: PROJECT_MARKERS.code,
    title: PROJECT_MARKERS.original,
    titleTranslations: { [language]: PROJECT_MARKERS.title },
    summary: '',
    summaryTranslations: {},
    // The API writes the window (I or II) where its marker is.
    window: PROJECT_MARKERS.window as Project['window'],
    stage: MARKED_STAGE,
    leadOrganizationId: null,
    organizations: [],
    recipientCountries: [],
    requestedBudget: '0.00',
    approvedBudget: null,
    coFunding: '0.00',
    startDate: null,
    endDate: null,
    dimensions: [],
    targetBeneficiaries: null,
    vulnerableGroups: [],
    sdgs: [],
    narratives: {
      peopleCentred: '',
      comprehensive: '',
      contextSpecific: '',
      preventionOriented: '',
      protectionEmpowerment: '',
    },
    protectionMeasures: '',
    empowermentMeasures: '',
    declarations: { noCoercion: false, distinctFromR2p: false },
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** `html` with the one occurrence of `part` replaced by `marker`; the build fails if it is not there once. */
function markOnce(html: string, part: string, marker: string, what: string): string {
  const found = html.split(part).length - 1;
  if (found !== 1) throw new Error(`Expected ${what} once in the project's first screen, found ${found}`);
  return html.replace(part, () => marker);
}

/**
 * A project's page, the screen people open most after the overview, in each language and for each
 * role that reads it: the shell, the heading (code, stage, paragraph 6, title, countries, the role's
 * buttons),
 * and a skeleton where the tabs and details will be, drawn at build time
 * (scripts/prerender-first-screens.mjs) from the route's own components. The API fills in the
 * project's texts and the reader's name and sends it inside index.html, with the project's answer
 * inlined, so a phone paints the title before any script has run.
 */
export function renderProjectFirstScreens(): Promise<Record<Language, ProjectFirstScreens>> {
  return drawInEachLanguage((i18n, code): ProjectFirstScreens => {
    const project = markedProject(code);
    const path = `/projects/${project.id}`;
    const stages = Object.fromEntries(
      STAGES.map((stage) => [stage, badgeOf(renderScreen(i18n, path, <StageBadge stage={stage} />))]),
    ) as Record<Stage, string>;
    const paragraph6 = Object.fromEntries(
      COMPLIANCE_STATUSES.map((status) => [
        status,
        badgeOf(renderScreen(i18n, path, <ComplianceBadge status={status} />)),
      ]),
    ) as Record<ComplianceStatus, string>;
    let originalTitle = '';
    const roles: Partial<Record<(typeof PROJECT_READERS)[number], string>> = {};
    for (const role of PROJECT_READERS) {
      let html = renderSignedInScreen(
        i18n,
        path,
        role,
        <Route path="projects/:id" element={<ProjectRoute />} />,
        [
          [projectKeys.detail(project.id), project],
          [projectKeys.compliance(project.id), markedCompliance(project)],
        ],
      );
      html = markOnce(html, stages[MARKED_STAGE], PROJECT_MARKERS.stage, 'the stage badge');
      html = markOnce(html, paragraph6[MARKED_STATUS], PROJECT_MARKERS.paragraph6, "paragraph 6's badge");
      html = markOnce(
        html,
        `>${asReactWritesIt(i18n.t('projects.detail.noCountries'))}<`,
        `>${PROJECT_MARKERS.place}<`,
        'the countries line',
      );
      originalTitle = originalTitleLine(html);
      html = markOnce(html, originalTitle, PROJECT_MARKERS.originalTitle, "the original title's line");
      roles[role] = withInitialsMarker(html);
    }
    return {
      dir: directionOf(code),
      title: `${PROJECT_MARKERS.code} · ${i18n.t('projects.title')} · ${i18n.t('app.name')}`,
      roles: roles as ProjectFirstScreens['roles'],
      stages,
      paragraph6,
      originalTitle,
      place: {
        noCountries: i18n.t('projects.detail.noCountries'),
        ledBy: i18n.t('projects.detail.ledBy', { name: PROJECT_MARKERS.lead }),
      },
    };
  });
}

const ESCAPED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};

/** Text as React writes it into markup, to find it there. */
const asReactWritesIt = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPED[c] ?? c);

/** The badge's own element, without the theme's styles the providers render beside it. */
function badgeOf(html: string): string {
  const badge = html.match(/<div [^>]*data-(?:stage|status)="[^"]+"[^>]*>.*?<\/div>/s)?.[0];
  if (!badge) throw new Error('Expected a stage badge');
  return badge;
}

/** The paragraph under a translated title ("Original title: …"), as the heading draws it. */
const ORIGINAL_TITLE_LINE = new RegExp(
  `<p\\b(?:(?!<p\\b).)*?<bdi>${PROJECT_MARKERS.original}</bdi>.*?</p>`,
  's',
);

function originalTitleLine(html: string): string {
  const line = html.match(ORIGINAL_TITLE_LINE)?.[0];
  if (!line) throw new Error("Expected the original title's line in the project's first screen");
  return line;
}
