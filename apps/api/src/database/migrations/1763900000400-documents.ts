import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents attached to a consent (the letter), a project (proposal, agreements), a report or a
 * revision. The content sits in the document store under its SHA-256 (the same content is kept
 * once); each row is one attachment of it to one record. `project_id` is the project the record
 * belongs to, so reads check the project in the same query and the audit entries join its timeline.
 */
export class Documents1763900000400 implements MigrationInterface {
  name = 'Documents1763900000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        record_kind text NOT NULL,
        record_id uuid NOT NULL,
        project_id uuid NOT NULL,
        document_kind text NOT NULL,
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 char(64) NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_documents PRIMARY KEY (id),
        CONSTRAINT fk_documents_project FOREIGN KEY (project_id) REFERENCES projects (id),
        CONSTRAINT fk_documents_user FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT ck_documents_record_kind CHECK (record_kind IN ('consent', 'project', 'report', 'revision')),
        CONSTRAINT ck_documents_project_record CHECK (record_kind <> 'project' OR record_id = project_id),
        CONSTRAINT ck_documents_file_name CHECK (length(file_name) BETWEEN 1 AND 255),
        CONSTRAINT ck_documents_size CHECK (size_bytes > 0),
        CONSTRAINT ck_documents_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(
      `CREATE INDEX ix_documents_record ON documents (record_kind, record_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX ix_documents_project ON documents (project_id)`);
    await q.query(`CREATE INDEX ix_documents_sha256 ON documents (sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE documents`);
  }
}
