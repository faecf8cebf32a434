export { ProjectsModule } from './projects.module';
export { STAGES } from './project-vocabulary';
export type { Dimension, Stage, VulnerableGroup } from './project-vocabulary';
