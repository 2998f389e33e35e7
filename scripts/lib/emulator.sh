# The process management every emulator script shares: start (reusing a running server), stop, endpoint, and the
# command dispatch. Sourced by scripts/moto.sh, scripts/localstack.sh, scripts/azurite.sh and
# scripts/fake-gcs.sh, which define first:
#
#   NAME           the script's name for messages ("moto.sh")
#   PROCESS        the server's name for messages ("moto_server")
#   BUILD          where the pid, endpoint and log files go
#   install        installs the pinned emulator when it is missing (idempotent)
#   free_port      prints a free TCP port on 127.0.0.1 (python_free_port below, for a venv)
#   answers URL    succeeds when the server at URL answers (python_answers below, for a venv)
#   launch PORT    starts the server on 127.0.0.1:PORT in the background, its output to "$LOG_FILE"; must not wait
#
# Servers listen on 127.0.0.1 only.

ENDPOINT_FILE="$BUILD/${NAME%.sh}.endpoint"
PID_FILE="$BUILD/${NAME%.sh}.pid"
LOG_FILE="$BUILD/${NAME%.sh}.log"

die() { echo "$NAME: $*" >&2; exit 1; }

# For the emulators that live in a Python venv (moto, LocalStack): a free TCP port on 127.0.0.1, and whether a URL
# answers with a success, both with that venv's python ($1).
python_free_port() {
  "$1" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

python_answers() {
  "$1" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2).read()' "$2" >/dev/null 2>&1
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
  launch "$port" "$endpoint"
  local pid=$!
  echo "$pid" >"$PID_FILE"
  for _ in $(seq 1 150); do
    if answers "$endpoint"; then
      echo "$endpoint" >"$ENDPOINT_FILE"
      echo "$endpoint"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "$PROCESS exited; see $LOG_FILE"
    sleep 0.2
  done
  kill "$pid" 2>/dev/null || true
  die "$PROCESS did not answer on $endpoint within 30 s; see $LOG_FILE"
}

stop() {
  if [[ -f "$PID_FILE" ]]; then
    kill "$(cat "$PID_FILE")" 2>/dev/null || true
    rm -f "$PID_FILE" "$ENDPOINT_FILE"
  fi
}

emulator_main() {
  case "${1:-}" in
    install) install ;;
    start) start "${2:-}" ;;
    stop) stop ;;
    endpoint) [[ -f "$ENDPOINT_FILE" ]] && cat "$ENDPOINT_FILE" || die "not running" ;;
    *) echo "usage: $0 install|start [PORT]|stop|endpoint" >&2; exit 2 ;;
  esac
}
