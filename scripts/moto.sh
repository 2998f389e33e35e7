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
ENDPOINT_FILE="$BUILD/moto.endpoint"
PID_FILE="$BUILD/moto.pid"
LOG_FILE="$BUILD/moto.log"

die() { echo "moto.sh: $*" >&2; exit 1; }

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
  "$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

answers() {
  "$VENV/bin/python" - "$1" <<'EOF' >/dev/null 2>&1
import sys, urllib.request
urllib.request.urlopen(sys.argv[1] + "/moto-api/data.json", timeout=2).read()
EOF
}

start() {
  install
  mkdir -p "$BUILD"
  if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && answers "$(cat "$ENDPOINT_FILE")"; then
    cat "$ENDPOINT_FILE"
    return 0
  fi
  local port="${1:-$(free_port)}"
  local endpoint="http://127.0.0.1:$port"
  nohup "$VENV/bin/moto_server" -H 127.0.0.1 -p "$port" >"$LOG_FILE" 2>&1 &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  for _ in $(seq 1 150); do
    if answers "$endpoint"; then
      echo "$endpoint" >"$ENDPOINT_FILE"
      echo "$endpoint"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "moto_server exited; see $LOG_FILE"
    sleep 0.2
  done
  kill "$pid" 2>/dev/null || true
  die "moto_server did not answer on $endpoint within 30 s; see $LOG_FILE"
}

stop() {
  if [[ -f "$PID_FILE" ]]; then
    kill "$(cat "$PID_FILE")" 2>/dev/null || true
    rm -f "$PID_FILE" "$ENDPOINT_FILE"
  fi
}

case "${1:-}" in
  install) install ;;
  start) start "${2:-}" ;;
  stop) stop ;;
  endpoint) [[ -f "$ENDPOINT_FILE" ]] && cat "$ENDPOINT_FILE" || die "not running" ;;
  *) echo "usage: $0 install|start [PORT]|stop|endpoint" >&2; exit 2 ;;
esac
