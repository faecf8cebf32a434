#!/bin/sh
# Run by the postgres image once, when it initialises an empty volume (docker-entrypoint-initdb.d).
# POSTGRES_USER owns the database and runs the migrations; this creates hstf_app, the role the API
# serves requests as. The migrations grant hstf_app what the API needs and nothing more.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set app_password="$POSTGRES_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE hstf_app LOGIN PASSWORD %L', :'app_password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hstf_app')
\gexec
SQL
