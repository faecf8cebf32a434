export { ProjectsModule } from './projects.module';
export { STAGES } from './project-vocabulary';
export type { Dimension, Stage, VulnerableGroup } from './project-vocabulary';
export { ASSIGNED_REVIEWER, assertProjectInScope } from './project-scope';
