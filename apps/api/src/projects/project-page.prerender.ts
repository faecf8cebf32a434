import { initials, projectPlaceIn, translatedText } from '@hstf/domain';
import { CURRENT_USER_DATA_ID } from '../common/first-screen/signed-in-first-screen';
import { firstScreenPage, readPrerenderedScreens } from '../common/first-screen/first-screen';
import type { PrerenderedScreens } from '../common/first-screen/first-screen';
import { escapeHtml } from '../common/http/escape-html';
import type { ProjectComplianceDto } from '../compliance';
import type { ProjectDto } from './projects.dto';

/**
 * A project's page sent drawn to a reader with a live session (common/first-screen): the dashboard's
 * build renders the shell and the page's heading in each language for each role that reads projects
 * (apps/web/src/features/projects/prerender) into prerendered/project.json; each request fills in the
 * project's code, stage, paragraph 6 status, title and where it works, and the reader's name, and
 * inlines the project's GET /projects/:id and /compliance answers and the reader's GET /auth/me, so a phone paints the title before any
 * script has run and the tabs then ask the API nothing more to draw.
 */

/** One language's screens, as apps/web/src/features/projects/prerender writes them. */
export interface ProjectFirstScreens {
  dir: 'ltr' | 'rtl';
  /** The document's title, with {{code}}. */
  title: string;
  /** Markup for #root per role, with the reader's and the project's markers. */
  roles: Record<string, string>;
  /** Each stage's badge, for {{stage}}. */
  stages: Record<string, string>;
  /** Each paragraph 6 status's badge, for {{paragraph6}}. */
  paragraph6: Record<string, string>;
  /** The line under a translated title, with {{original}}, for {{originalTitle}}. */
  originalTitle: string;
  /** The phrases of {{place}}: `ledBy` has {{lead}}. */
  place: { noCountries: string; ledBy: string };
}

export type PrerenderedProjectPage = PrerenderedScreens<ProjectFirstScreens>;

/** The ids of the data blocks the dashboard reads (apps/web/src/features/projects/api/get-project.ts). */
export const PROJECT_DATA_ID = 'project-data';
export const PROJECT_COMPLIANCE_DATA_ID = 'project-compliance-data';

/** What the page shows and inlines: the project's and the reader's answers, as the API sends them. */
export interface ProjectPageAnswers {
  project: ProjectDto;
  compliance: ProjectComplianceDto;
  user: { name: string; role: string };
  /** The JSON text GET /auth/me answers. */
  currentUserJson: string;
}

/** The built screens, or null when the dashboard was built without them (then a project's page is plain index.html). */
export function readPrerenderedProjectPage(webDistDir: string): PrerenderedProjectPage | null {
  return readPrerenderedScreens<ProjectFirstScreens>(webDistDir, 'project');
}

/** The markers' values, as the page's heading draws them in `language` (ProjectRoute.tsx). */
function projectTexts(screen: ProjectFirstScreens, language: string, answers: ProjectPageAnswers) {
  const { project, compliance } = answers;
  const reader = answers.user.name;
  const title = translatedText(project.title, { ...project.titleTranslations }, language);
  const place = projectPlaceIn(language, project, {
    noCountries: screen.place.noCountries,
    ledBy: (organization) => screen.place.ledBy.replace('{{lead}}', () => organization),
  });
  return {
    id: escapeHtml(project.id),
    code: escapeHtml(project.code),
    window: escapeHtml(project.window),
    title: escapeHtml(title),
    place: escapeHtml(place),
    stage: screen.stages[project.stage] ?? '',
    paragraph6: screen.paragraph6[compliance.status] ?? '',
    // The title as first written, under one shown in the reader's language.
    originalTitle:
      title === project.title
        ? ''
        : screen.originalTitle.replace('{{original}}', () => escapeHtml(project.title)),
    name: escapeHtml(reader),
    initials: escapeHtml(initials(reader)),
  };
}

/**
 * index.html with the project's page for its reader in `language`, the project's, its paragraph 6
 * and the reader's answers inlined; null when no screen was built for the reader's role (a
 * reviewer's, say).
 */
export function projectPage(
  indexHtml: string,
  prerendered: PrerenderedProjectPage,
  language: string,
  answers: ProjectPageAnswers,
): string | null {
  const drawnIn = prerendered.screens[language] ? language : 'en';
  const screen = prerendered.screens[drawnIn];
  const markup = screen?.roles[answers.user.role];
  if (!screen || !markup) return null;
  const texts: Record<string, string> = projectTexts(screen, drawnIn, answers);
  // One pass: a title that itself reads "{{code}}" is written as it is.
  const html = markup.replace(/\{\{(\w+)\}\}/g, (marker: string, name: string) =>
    Object.hasOwn(texts, name) ? (texts[name] as string) : marker,
  );
  return firstScreenPage(indexHtml, {
    language: drawnIn,
    dir: screen.dir,
    title: screen.title.replace('{{code}}', () => answers.project.code),
    html,
    css: prerendered.firstScreenCss,
    data: {
      [CURRENT_USER_DATA_ID]: answers.currentUserJson,
      [PROJECT_DATA_ID]: JSON.stringify(answers.project),
      [PROJECT_COMPLIANCE_DATA_ID]: JSON.stringify(answers.compliance),
    },
  });
}
