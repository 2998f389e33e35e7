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

launch() {
  nohup "$BIN" -scheme http -host 127.0.0.1 -port "$1" -backend memory -external-url "$2" \
    -log-level warn >"$LOG_FILE" 2>&1 &
}

NAME="fake-gcs.sh"
PROCESS="fake-gcs-server"
# shellcheck source=lib/emulator.sh
source "$ROOT/scripts/lib/emulator.sh"
emulator_main "$@"
