#!/usr/bin/env bash
# Runs the moto AWS emulator as a plain process on 127.0.0.1 (no Docker needed).
#
#   scripts/moto.sh install        install the pinned moto into .build/moto-venv when it is missing
#   scripts/moto.sh start [PORT]   install if needed, start on PORT (default: a free port), wait until it answers,
#                                  write the endpoint to .build/moto.endpoint and the pid to .build/moto.pid
#   scripts/moto.sh stop           stop the server started by "start"
#   scripts/moto.sh endpoint       print the endpoint of the running server
#
# BUCKETGUARD_BUILD_DIR moves the pid, endpoint and log files (default .build/); BUCKETGUARD_MOTO_VENV the venv.
# The version is pinned so that every machine tests against the same emulator behaviour.
set -euo pipefail

MOTO_VERSION="5.2.5"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUCKETGUARD_BUILD_DIR:-$ROOT/.build}"
VENV="${BUCKETGUARD_MOTO_VENV:-$ROOT/.build/moto-venv}"


installed() {
  [[ -x "$VENV/bin/moto_server" ]] \
    && [[ "$("$VENV/bin/python" -c 'import moto; print(moto.__version__)' 2>/dev/null)" == "$MOTO_VERSION" ]]
}

install() {
  if installed; then
    return 0
  fi
  command -v python3 >/dev/null || die "python3 is needed to run the moto emulator"
  mkdir -p "$(dirname "$VENV")"
  echo "moto.sh: installing moto[server]==$MOTO_VERSION into $VENV (one time)" >&2
  python3 -m venv "$VENV" || die "python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" >&2 \
    || die "pip install moto[server]==$MOTO_VERSION failed"
  installed || die "moto $MOTO_VERSION is not importable after install"
}

free_port() {
  python_free_port "$VENV/bin/python"
}

answers() {
  python_answers "$VENV/bin/python" "$1/moto-api/data.json"
}

launch() {
  nohup "$VENV/bin/moto_server" -H 127.0.0.1 -p "$1" >"$LOG_FILE" 2>&1 &
}

NAME="moto.sh"
PROCESS="moto_server"
# shellcheck source=lib/emulator.sh
source "$ROOT/scripts/lib/emulator.sh"
emulator_main "$@"
