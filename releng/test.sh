#!/usr/bin/env bash
# Builds everything and runs every test: JUnit 5 fragments inside OSGi, UI tests in a real workbench.
# Starts its own Xvfb when there is no display. Extra arguments go to Maven (e.g. -o, -pl ...).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[ -x "$JAVA_HOME/bin/java" ] || { echo "test.sh: no JDK 21+ at $JAVA_HOME (Temurin 25 is expected there)" >&2; exit 1; }

xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || { echo "test.sh: no DISPLAY and no Xvfb (apt-get install xvfb)" >&2; exit 1; }
  for n in $(seq 90 120); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }
  done
  Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/tmp/crossbill-xvfb.log 2>&1 &
  xvfb_pid=$!
  export DISPLAY="$display"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
  echo "test.sh: started Xvfb on $DISPLAY"
fi

# Prism (npm @stoplight/prism-cli, pinned in releng/prism/package-lock.json) for the contract tests of
# io.crossbill.connect.xero.contract.tests; installed when missing or older than the lockfile.
prism_dir=releng/prism
if [ ! -x "$prism_dir/node_modules/.bin/prism" ] \
    || [ "$prism_dir/package-lock.json" -nt "$prism_dir/node_modules/.package-lock.json" ]; then
  command -v npm >/dev/null || { echo "test.sh: the contract tests need Node.js 18.20+ and npm (apt-get install nodejs npm)" >&2; exit 1; }
  echo "test.sh: installing Prism into $prism_dir (npm ci)"
  (cd "$prism_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

./mvnw -B verify "$@"
