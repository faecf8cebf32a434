export { ProjectsModule } from './projects.module';
export { STAGES } from './project-vocabulary';
export type { Dimension, Stage, VulnerableGroup } from './project-vocabulary';
export { assertProjectInScope } from './project-scope';
export { ASSIGNED_REVIEWER } from './projects.repository';
export { ProjectsService } from './projects.service';
export { CreateProjectRequest, UpdateProjectRequest } from './projects.dto';
export { ProjectQuery } from './projects.dto';
