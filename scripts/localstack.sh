#!/usr/bin/env bash
# Runs LocalStack (S3, S3 Control, STS, KMS) as a plain process on 127.0.0.1 (no Docker needed).
#
#   scripts/localstack.sh install        install the pinned LocalStack into .build/localstack-venv when it is missing
#   scripts/localstack.sh start [PORT]   install if needed, start on PORT (default: a free port), wait until it
#                                        answers, write the endpoint to .build/localstack.endpoint and the pid to
#                                        .build/localstack.pid
#   scripts/localstack.sh stop           stop the server started by "start"
#   scripts/localstack.sh endpoint       print the endpoint of the running server
#
# LocalStack needs Python 3.12 or newer: the first of python3.13, python3.12, python3 that is new enough is used,
# then pyenv's installed versions (BUCKETGUARD_LOCALSTACK_PYTHON names another). The server is started through
# scripts/localstack-launcher.py, which makes it listen on 127.0.0.1 only (LocalStack's own server would listen on
# every interface). BUCKETGUARD_BUILD_DIR moves the pid, endpoint, log and state files (default .build/);
# BUCKETGUARD_LOCALSTACK_VENV the venv. The versions are pinned so that every machine tests against the same
# emulator behaviour; each of the four extra pins is needed for LocalStack 2026.3.0 to start at all.
set -euo pipefail

LOCALSTACK_VERSION="2026.3.0"
PINS=("localstack-core[runtime]==$LOCALSTACK_VERSION" "cbor2<6" "pyopenssl<26" "cryptography<47" "service_identity")
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUCKETGUARD_BUILD_DIR:-$ROOT/.build}"
VENV="${BUCKETGUARD_LOCALSTACK_VENV:-$ROOT/.build/localstack-venv}"

installed() {
  [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" - "$LOCALSTACK_VERSION" <<'EOF' >/dev/null 2>&1
import sys
from importlib.metadata import version
assert version("localstack-core") == sys.argv[1]
import localstack.runtime.main, OpenSSL, cbor2, service_identity
EOF
}

# The first Python >= 3.12 that runs (a pyenv shim for a version that is not selected exists, but fails).
python312() {
  local candidate
  for candidate in ${BUCKETGUARD_LOCALSTACK_PYTHON:-} python3.13 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1 \
        && "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
      command -v "$candidate"
      return 0
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    for candidate in "$(pyenv root)"/versions/3.1[3-9]*/bin/python3 "$(pyenv root)"/versions/3.12*/bin/python3; do
      if [[ -x "$candidate" ]] && "$candidate" -c 'import venv' >/dev/null 2>&1; then
        echo "$candidate"
        return 0
      fi
    done
  fi
  return 1
}

install() {
  if installed; then
    return 0
  fi
  local python
  python="$(python312)" || die "no Python 3.12 or newer found (tried python3.13, python3.12, python3 and pyenv's" \
    "versions); LocalStack $LOCALSTACK_VERSION needs one"
  mkdir -p "$(dirname "$VENV")"
  echo "localstack.sh: installing LocalStack $LOCALSTACK_VERSION with $python into $VENV (one time)" >&2
  "$python" -m venv --clear "$VENV" || die "$python -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PINS[@]}" >&2 \
    || die "pip install ${PINS[*]} failed"
  installed || die "LocalStack $LOCALSTACK_VERSION does not import after install"
}

free_port() {
  python_free_port "$VENV/bin/python"
}

answers() {
  python_answers "$VENV/bin/python" "$1/_localstack/health"
}

launch() {
  nohup "$VENV/bin/python" "$ROOT/scripts/localstack-launcher.py" "$1" "$BUILD/localstack-state/$1" \
    >"$LOG_FILE" 2>&1 &
}

NAME="localstack.sh"
PROCESS="LocalStack"
# shellcheck source=lib/emulator.sh
source "$ROOT/scripts/lib/emulator.sh"
emulator_main "$@"
