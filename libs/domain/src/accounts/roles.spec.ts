import { donorLinkProblem, isRole, listsProjects, readsProjects } from './roles';

describe('roles', () => {
  it('knows exactly the four roles of the design', () => {
    expect(['admin', 'staff', 'reviewer', 'donor'].every(isRole)).toBe(true);
    expect(isRole('superuser')).toBe(false);
  });

  it('lets staff, administrators and donors read projects and their list, not reviewers', () => {
    for (const reads of [readsProjects, listsProjects]) {
      expect(reads('admin')).toBe(true);
      expect(reads('staff')).toBe(true);
      expect(reads('donor')).toBe(true);
      expect(reads('reviewer')).toBe(false);
    }
  });

  it('requires a donor user to be linked to a donor', () => {
    expect(donorLinkProblem('donor', null)).toMatch(/must be linked/);
    expect(donorLinkProblem('donor', 'b6f2b6a0-0000-4000-8000-000000000001')).toBeNull();
  });

  it('refuses a donor link on any other role', () => {
    expect(donorLinkProblem('staff', 'b6f2b6a0-0000-4000-8000-000000000001')).toMatch(/Only donor users/);
    expect(donorLinkProblem('admin', null)).toBeNull();
  });
});
