import { MigrationInterface, QueryRunner } from 'typeorm';

const LANGUAGES = `'ar', 'en', 'es', 'fr', 'ru', 'zh'`;

/** The search text of every title and summary, in the original and in each translation. */
const SEARCH = (titles: boolean) => `
  setweight(to_tsvector('simple', code), 'A') ||
  setweight(to_tsvector('english', title), 'A') ||
  setweight(to_tsvector('english', summary), 'B')${
    titles
      ? ` ||
  setweight(to_tsvector('simple',
    coalesce(title_translations->>'ar', '') || ' ' || coalesce(title_translations->>'en', '') || ' ' ||
    coalesce(title_translations->>'es', '') || ' ' || coalesce(title_translations->>'fr', '') || ' ' ||
    coalesce(title_translations->>'ru', '') || ' ' || coalesce(title_translations->>'zh', '')), 'A')`
      : ''
  }`;

/**
 * A project's title and summary in each of the six UN languages besides the original: objects
 * keyed by language ({"fr": "…"}), so a reader sees the project in their language when someone wrote
 * it. The search text takes every translated title (the simple configuration: words as written,
 * whatever the language), so a title found in French finds the project.
 */
export class ProjectTranslations1763900000700 implements MigrationInterface {
  name = 'ProjectTranslations1763900000700';

  async up(q: QueryRunner): Promise<void> {
    for (const column of ['title_translations', 'summary_translations']) {
      await q.query(`ALTER TABLE projects ADD COLUMN ${column} jsonb NOT NULL DEFAULT '{}'`);
      await q.query(
        `ALTER TABLE projects ADD CONSTRAINT ck_projects_${column} CHECK (
           jsonb_typeof(${column}) = 'object' AND ${column} - ARRAY[${LANGUAGES}]::text[] = '{}'::jsonb)`,
      );
    }
    await this.rebuildSearch(q, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.rebuildSearch(q, false);
    for (const column of ['title_translations', 'summary_translations']) {
      await q.query(`ALTER TABLE projects DROP COLUMN ${column}`);
    }
  }

  // A generated column's expression cannot be altered on PostgreSQL 15 and 16: dropped and added again.
  private async rebuildSearch(q: QueryRunner, titles: boolean): Promise<void> {
    await q.query(`ALTER TABLE projects DROP COLUMN search`);
    await q.query(
      `ALTER TABLE projects ADD COLUMN search tsvector GENERATED ALWAYS AS (${SEARCH(titles)}) STORED`,
    );
    await q.query(`CREATE INDEX ix_projects_search ON projects USING gin (search)`);
  }
}
