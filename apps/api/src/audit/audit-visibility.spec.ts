import { readableAuditEntities, REDACTED, redactAuditRecord } from './audit-visibility';

describe('audit visibility', () => {
  it('lets admin read every entity and staff every entity but users', () => {
    expect(readableAuditEntities('admin')).toBeNull();
    expect(readableAuditEntities('staff')).toEqual(expect.arrayContaining(['project', 'contribution']));
    expect(readableAuditEntities('staff')).not.toContain('user');
    expect(readableAuditEntities('reviewer')).toEqual([]);
  });

  it("redacts a person's email and name for staff but not an organization's name", () => {
    expect(
      redactAuditRecord(
        { name: 'UNDP', lead: { name: 'A Person', email: 'a@example.org' }, ip: null },
        'staff',
      ),
    ).toEqual({ name: 'UNDP', lead: { name: REDACTED, email: REDACTED }, ip: null });
  });

  it('drops secrets for every role and leaves scalars and null alone', () => {
    expect(
      redactAuditRecord({ password_hash: 'x', token: 'y', a: [1, { passwordHash: 'z' }] }, 'admin'),
    ).toEqual({
      a: [1, {}],
    });
    expect(redactAuditRecord(null, 'staff')).toBeNull();
    expect(redactAuditRecord('text', 'staff')).toBe('text');
  });
});
