import { addDays } from '@hstf/domain';
import { NotificationScanService } from '../../src/notifications';
import { asRole } from '../support/builders';
import { anApprovedProject } from '../support/report-builders';
import { eventually, startSmtpServer, TestSmtp } from '../support/smtp';
import { count, createTestApp, TestApp } from '../support/test-app';

/**
 * The lead organization's contact, recorded on the organization, hears of the project's reports due
 * soon and overdue by mail, once per event, in the language recorded for them, with nothing in it
 * the contact could not see (no consent, signatory or reviewer; no link into the dashboard).
 */
describe("reports due and overdue, mailed to the lead organization's contact", () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let staff: { Authorization: string };
  let scanner: NotificationScanService;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, JOBS_POLL_SECONDS: '1' });
    staff = (await asRole(t, 'staff')).auth;
    scanner = t.app.get(NotificationScanService);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const recordContact = async (organizationId: string, contact: Record<string, unknown>) => {
    const current = await t.http().get(`/api/v1/organizations/${organizationId}`).set(staff);
    const response = await t
      .http()
      .patch(`/api/v1/organizations/${organizationId}`)
      .set(staff)
      .set('If-Match', `"${current.body.version}"`)
      .send(contact);
    expect(response.status).toBe(200);
    return response.body as Record<string, unknown>;
  };
  const contactMailsTold = () =>
    eventually(
      15_000,
      async () =>
        (await count(
          t.db,
          'pgboss.job',
          `name = 'contact-mail' AND state::text IN ('created', 'retry', 'active')`,
        )) === 0,
    );

  it('records a contact on an organization, which staff read and a donor does not, with one audit entry', async () => {
    const project = await anApprovedProject(t, staff);
    const before = await count(t.db, 'audit_entries', 'entity_id = $1', [project.leadOrganizationId]);
    const saved = await recordContact(project.leadOrganizationId, {
      contactName: 'Lucie Martin',
      contactEmail: '  Lucie.Martin@Partner.example.org ',
      contactLanguage: 'fr',
    });
    expect(saved).toMatchObject({
      contactName: 'Lucie Martin',
      contactEmail: 'lucie.martin@partner.example.org',
      contactLanguage: 'fr',
    });
    await expect(count(t.db, 'audit_entries', 'entity_id = $1', [project.leadOrganizationId])).resolves.toBe(
      before + 1,
    );

    const donor = (await asRole(t, 'donor')).auth;
    const read = await t.http().get(`/api/v1/organizations/${project.leadOrganizationId}`).set(donor);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ contactName: null, contactEmail: null, contactLanguage: null });
  });

  it('refuses a contact address or language that is not one, writing nothing', async () => {
    const project = await anApprovedProject(t, staff);
    const current = await t.http().get(`/api/v1/organizations/${project.leadOrganizationId}`).set(staff);
    const audits = await count(t.db, 'audit_entries');
    const response = await t
      .http()
      .patch(`/api/v1/organizations/${project.leadOrganizationId}`)
      .set(staff)
      .set('If-Match', `"${current.body.version}"`)
      .send({ contactEmail: 'not an address', contactLanguage: 'de' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'contactEmail',
      'contactLanguage',
    ]);
    await expect(count(t.db, 'audit_entries')).resolves.toBe(audits);
    const after = await t.http().get(`/api/v1/organizations/${project.leadOrganizationId}`).set(staff);
    expect(after.body).toMatchObject({ version: current.body.version, contactEmail: null });
  });

  it('mails the contact exactly one notice per event, due soon then overdue, in their language and naming nothing else', async () => {
    const project = await anApprovedProject(t, staff);
    const report = project.reports[0]!;
    const email = `contact.${project.code.toLowerCase()}@partner.example.org`;
    await recordContact(project.leadOrganizationId, {
      contactName: 'Lucie Martin',
      contactEmail: email,
      contactLanguage: 'fr',
    });

    await scanner.scan(addDays(report.dueOn, -15));
    await contactMailsTold();
    expect(smtp.to(email)).toHaveLength(0);

    // Due soon, scanned three times: one mail.
    await scanner.scan(addDays(report.dueOn, -14));
    await scanner.scan(addDays(report.dueOn, -10));
    await scanner.scan(report.dueOn);
    await eventually(15_000, () => smtp.to(email).length >= 1);
    await contactMailsTold();
    expect(smtp.to(email)).toHaveLength(1);

    // Overdue, scanned twice: one more mail.
    await scanner.scan(addDays(report.dueOn, 1));
    await scanner.scan(addDays(report.dueOn, 9));
    await eventually(15_000, () => smtp.to(email).length >= 2);
    await contactMailsTold();
    const mails = smtp.to(email);
    expect(mails).toHaveLength(2);

    const [due, overdue] = mails;
    expect(report.kind).toBe('progress');
    expect(due!.subject).toBe(`Échéance de rapport d’activité de ${project.code} le ${report.dueOn}`);
    expect(overdue!.subject).toBe(`En retard : rapport d’activité de ${project.code}`);
    for (const mail of mails) {
      expect(mail.headers.get('content-language')).toBe('fr');
      expect(mail.text).toContain(project.code);
      const whole = `${mail.subject}\n${mail.text}\n${String(mail.html)}`;
      // Nothing of the consents, the reviews or the dashboard reaches the contact.
      expect(whole).not.toMatch(
        /Permanent Secretary|Ministry of Foreign Affairs|NV\/|consentement|\/projects\//,
      );
      expect(String(mail.html)).not.toContain('<a ');
    }
    await expect(count(t.db, 'contact_notices', 'project_id = $1', [project.id])).resolves.toBe(2);
  });

  it('writes in the product’s default language to a contact with none recorded, and to nobody when no address is', async () => {
    const silent = await anApprovedProject(t, staff);
    const project = await anApprovedProject(t, staff);
    const report = project.reports[0]!;
    const email = `plain.${project.code.toLowerCase()}@partner.example.org`;
    await recordContact(project.leadOrganizationId, { contactName: 'Sam Lee', contactEmail: email });

    await scanner.scan(addDays(report.dueOn, 1));
    await eventually(15_000, () => smtp.to(email).length >= 1);
    await contactMailsTold();
    expect(smtp.to(email)).toHaveLength(1);
    expect(smtp.to(email)[0]!.subject).toBe(`The progress report of ${project.code} is overdue`);
    await expect(count(t.db, 'contact_notices', 'project_id = $1', [silent.id])).resolves.toBe(0);
  });
});
