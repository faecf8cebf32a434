/**
 * What the measured requests need beyond seed:scale, which writes no reviews: a reviewed proposal
 * (two submitted reviews by the demo reviewers that disagree on two principles, one moderated, and
 * a third reviewer who declared a conflict), and the ids of the projects to ask for.
 */
export async function prepare(client) {
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const { rows: tables } = await client.query(`SELECT to_regclass('reviews') IS NOT NULL AS reviews`);

  // A three-country project that is running: its compliance judges three countries.
  const {
    rows: [threeCountry],
  } = await client.query(
    `SELECT id, code FROM projects WHERE cardinality(country_codes) = 3 AND stage = 'active' AND deleted_at IS NULL
     ORDER BY code LIMIT 1`,
  );
  let proposal = null;
  if (tables[0].reviews) {
    const {
      rows: [row],
    } = await client.query(
      `SELECT id, code FROM projects
       WHERE stage IN ('under_review', 'revision_requested', 'full_proposal') AND cardinality(country_codes) = 2
         AND deleted_at IS NULL ORDER BY code LIMIT 1`,
    );
    proposal = row ?? null;
    if (proposal) await reviewProposal(client, proposal.id);
  }
  if (!threeCountry) throw new Error('No active three-country project: seed more projects (--projects).');
  return { threeCountry, proposal };
}

const SCORES = {
  'reviewer1@example.org': {
    people_centred: 4,
    comprehensive: 3,
    context_specific: 3,
    prevention_oriented: 3,
    protection_empowerment: 4,
    recommendation: 'approve',
  },
  'reviewer2@example.org': {
    people_centred: 2,
    comprehensive: 3,
    context_specific: 2,
    prevention_oriented: 3,
    protection_empowerment: 1,
    recommendation: 'revise',
  },
};

async function reviewProposal(client, projectId) {
  const { rows: existing } = await client.query(`SELECT 1 FROM reviews WHERE project_id = $1 LIMIT 1`, [
    projectId,
  ]);
  if (existing.length) return;
  const { rows: people } = await client.query(
    `SELECT id, email, role FROM users WHERE email = ANY($1::text[])`,
    [['staff@example.org', 'reviewer1@example.org', 'reviewer2@example.org', 'reviewer3@example.org']],
  );
  const id = Object.fromEntries(people.map((p) => [p.email, p.id]));
  const staff = id['staff@example.org'];
  await client.query('BEGIN');
  for (const [email, s] of Object.entries(SCORES)) {
    if (!id[email]) continue;
    const principles = Object.keys(s).filter((k) => k !== 'recommendation');
    await client.query(
      `INSERT INTO reviews (project_id, reviewer_id, assigned_by, status, conflict_declared, declared_at, recommendation,
         submitted_at, ${principles.map((p) => `score_${p}, justification_${p}`).join(', ')})
       VALUES ($1, $2, $3, 'submitted', false, now(), $4, now(), ${principles.map((_, i) => `$${5 + i}, 'Scored for the benchmark.'`).join(', ')})`,
      [projectId, id[email], staff, s.recommendation, ...principles.map((p) => s[p])],
    );
  }
  if (id['reviewer3@example.org']) {
    await client.query(
      `INSERT INTO reviews (project_id, reviewer_id, assigned_by, status, conflict_declared, declared_at, conflict_note)
       VALUES ($1, $2, $3, 'declined_conflict', true, now(), 'Worked for the lead organization (benchmark).')`,
      [projectId, id['reviewer3@example.org'], staff],
    );
  }
  await client.query(
    `INSERT INTO moderation_notes (project_id, principle, note, author_id)
     VALUES ($1, 'protection_empowerment', 'The panel discussed the spread (benchmark).', $2)`,
    [projectId, staff],
  );
  await client.query('COMMIT');
}

/** Walks the project list by cursor to page `pages` (limit 50), as a client would; returns that page's cursor. */
export async function deepCursor(baseUrl, token, pages) {
  let cursor = null;
  let page = 1;
  const started = Date.now();
  while (page < pages) {
    const url = `${baseUrl}/api/v1/projects?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const { nextCursor } = await response.json();
    if (!nextCursor) break;
    cursor = nextCursor;
    page++;
  }
  return { cursor, page, seconds: (Date.now() - started) / 1000 };
}
