#!/usr/bin/env bash
# Runs the Azurite blob emulator (Azure Storage data plane) as a plain process on 127.0.0.1 (no Docker needed).
#
#   scripts/azurite.sh install        install the pinned azurite into .build/azurite when it is missing
#   scripts/azurite.sh start [PORT]   install if needed, start on PORT (default: a free port), wait until it answers,
#                                     write the endpoint to .build/azurite.endpoint and the pid to .build/azurite.pid
#   scripts/azurite.sh stop           stop the server started by "start"
#   scripts/azurite.sh endpoint       print the endpoint of the running server
#
# BUCKETGUARD_BUILD_DIR moves the pid, endpoint and log files (default .build/); BUCKETGUARD_AZURITE_DIR the install.
# The version is pinned so that every machine tests against the same emulator behaviour.
set -euo pipefail

AZURITE_VERSION="3.37.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUCKETGUARD_BUILD_DIR:-$ROOT/.build}"
DIR="${BUCKETGUARD_AZURITE_DIR:-$ROOT/.build/azurite}"
BIN="$DIR/node_modules/.bin/azurite-blob"


installed() {
  [[ -x "$BIN" ]] && [[ "$(node -p 'require(process.argv[1]).version' "$DIR/node_modules/azurite/package.json" 2>/dev/null)" == "$AZURITE_VERSION" ]]
}

install() {
  if installed; then
    return 0
  fi
  command -v node >/dev/null || die "node (and npm) are needed to run the Azurite emulator"
  command -v npm >/dev/null || die "npm is needed to install the Azurite emulator"
  mkdir -p "$DIR"
  echo "azurite.sh: installing azurite@$AZURITE_VERSION into $DIR (one time)" >&2
  [[ -f "$DIR/package.json" ]] || echo '{"name":"bucketguard-azurite","private":true}' >"$DIR/package.json"
  npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2 \
    || die "npm install azurite@$AZURITE_VERSION failed"
  installed || die "azurite $AZURITE_VERSION is not runnable after install"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

answers() {
  # Any HTTP answer (Azurite refuses an unsigned service call with 4xx) means it is up.
  node -e 'require("http").get(process.argv[1]+"/devstoreaccount1?comp=list",r=>process.exit(0)).on("error",()=>process.exit(1))' "$1" >/dev/null 2>&1
}

launch() {
  nohup "$BIN" --blobHost 127.0.0.1 --blobPort "$1" --inMemoryPersistence --disableTelemetry \
    --skipApiVersionCheck --silent >"$LOG_FILE" 2>&1 &
}

NAME="azurite.sh"
PROCESS="azurite-blob"
# shellcheck source=lib/emulator.sh
source "$ROOT/scripts/lib/emulator.sh"
emulator_main "$@"
