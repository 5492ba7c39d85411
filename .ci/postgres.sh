#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL with the database the integration tests use:
# jdbc:postgresql://127.0.0.1:5432/healthgate_test, user healthgate, password healthgate.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -q
  apt-get install -y -q postgresql
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
su postgres -c "psql -q -tAc \"select 1 from pg_roles where rolname = 'healthgate'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"create role healthgate login password 'healthgate'\""
su postgres -c "psql -q -tAc \"select 1 from pg_database where datname = 'healthgate_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O healthgate healthgate_test"
echo "PostgreSQL $version ready on 127.0.0.1:5432 (database healthgate_test)"
