#!/usr/bin/env bash
# Runs fake-gcs-server (the Google Cloud Storage emulator, a Go module) as a plain process on 127.0.0.1.
#
#   scripts/fake-gcs.sh install        build the pinned fake-gcs-server into .build/fake-gcs/bin when it is missing
#   scripts/fake-gcs.sh start [PORT]   install if needed, start on PORT (default: a free port), wait until it answers,
#                                      write the endpoint to .build/fake-gcs.endpoint and the pid to .build/fake-gcs.pid
#   scripts/fake-gcs.sh stop           stop the server started by "start"
#   scripts/fake-gcs.sh endpoint       print the endpoint of the running server
#
# Needs Go (1.22 or newer) and access to the Go module proxy for the one-time build. BUCKETGUARD_BUILD_DIR moves the
# pid, endpoint and log files (default .build/). The version is pinned so that every machine tests against the same
# emulator behaviour.
set -euo pipefail

FAKE_GCS_VERSION="v1.55.1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUCKETGUARD_BUILD_DIR:-$ROOT/.build}"
HOME_DIR="$ROOT/.build/fake-gcs"
BIN="$HOME_DIR/bin/fake-gcs-server"
STAMP="$HOME_DIR/bin/version"
ENDPOINT_FILE="$BUILD/fake-gcs.endpoint"
PID_FILE="$BUILD/fake-gcs.pid"
LOG_FILE="$BUILD/fake-gcs.log"

die() { echo "fake-gcs.sh: $*" >&2; exit 1; }

installed() {
  [[ -x "$BIN" ]] && [[ -f "$STAMP" ]] && [[ "$(cat "$STAMP")" == "$FAKE_GCS_VERSION" ]]
}

install() {
  if installed; then
    return 0
  fi
  command -v go >/dev/null || die "Go is needed to build fake-gcs-server (https://go.dev/dl/)"
  mkdir -p "$HOME_DIR/bin"
  echo "fake-gcs.sh: building github.com/fsouza/fake-gcs-server@$FAKE_GCS_VERSION into $HOME_DIR/bin (one time)" >&2
  # A module cache of its own keeps the build out of the user's GOPATH; -modcacherw lets "rm -rf .build" clean it.
  GOBIN="$HOME_DIR/bin" GOMODCACHE="$HOME_DIR/modcache" GOFLAGS=-modcacherw CGO_ENABLED=0 \
    go install "github.com/fsouza/fake-gcs-server@$FAKE_GCS_VERSION" >&2 \
    || die "go install github.com/fsouza/fake-gcs-server@$FAKE_GCS_VERSION failed"
  echo "$FAKE_GCS_VERSION" >"$STAMP"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

answers() {
  curl -fsS -o /dev/null --max-time 2 "$1/storage/v1/b?project=test" 2>/dev/null
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
  nohup "$BIN" -scheme http -host 127.0.0.1 -port "$port" -backend memory -external-url "$endpoint" \
    -log-level warn >"$LOG_FILE" 2>&1 &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  for _ in $(seq 1 150); do
    if answers "$endpoint"; then
      echo "$endpoint" >"$ENDPOINT_FILE"
      echo "$endpoint"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "fake-gcs-server exited; see $LOG_FILE"
    sleep 0.2
  done
  kill "$pid" 2>/dev/null || true
  die "fake-gcs-server did not answer on $endpoint within 30 s; see $LOG_FILE"
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
