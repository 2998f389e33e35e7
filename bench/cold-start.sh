#!/usr/bin/env bash
# Cold start of the CLI: `--version` and `rules list`, each a fresh JVM, as a person or a CI step runs them.
# Compares `java -jar` alone with bin/bucketguard (which adds the class data sharing archive the build makes, when
# present). Not part of the test suite. Uses hyperfine when installed (apt-get install -y hyperfine), else a loop.
#
#   bench/cold-start.sh [RUNS]      (default 20; the jar must be built: ./mvnw -B -q package -DskipTests)
#
# On a shared machine wall time swings with the load, so the CPU time (user + sys) is printed too, and the load
# average before the runs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-20}"
JAR="$ROOT/cli/target/bucketguard.jar"
[ -f "$JAR" ] || { echo "bench: $JAR is not built; run ./mvnw -B -q package -DskipTests" >&2; exit 2; }
[ -f "$ROOT/cli/target/bucketguard.jsa" ] && archive="present" || archive="absent"
echo "java: $(java -version 2>&1 | head -1); CDS archive: $archive; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
commands=(
  "java -jar $JAR --version"
  "$ROOT/bin/bucketguard --version"
  "java -jar $JAR rules list"
  "$ROOT/bin/bucketguard rules list"
)
if command -v hyperfine > /dev/null; then
  args=()
  for c in "${commands[@]}"; do args+=("$c"); done
  hyperfine -N --warmup 3 --runs "$RUNS" --style basic --output=null "${args[@]}" 2>&1 \
    | grep -E "^Benchmark|Time \(mean|Range"
else
  for c in "${commands[@]}"; do
    TIMEFORMAT="%R s wall, %U s user, %S s sys"
    echo "$c  ($RUNS runs, total)"
    time (for _ in $(seq "$RUNS"); do $c > /dev/null; done)
  done
fi
