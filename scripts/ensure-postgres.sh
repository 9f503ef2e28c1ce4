#!/bin/sh
# Installs Debian's PostgreSQL server when it is missing, for the back-end tests (test/backend).
# Idempotent: does nothing when /usr/lib/postgresql/*/bin/pg_ctl exists.
set -eu
if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "PostgreSQL present: $(ls -d /usr/lib/postgresql/*/bin | head -n 1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
echo "PostgreSQL installed: $(ls -d /usr/lib/postgresql/*/bin | head -n 1)"
