#!/usr/bin/env bash
# Benchmark of the text report on long inputs: a resource id of N characters, and a reason of N characters made of
# conditions (the shapes that made line wrapping quadratic). Not part of the test suite.
#
#   bench/text-report.sh [N ...]     (default: 100000 500000 2000000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
./mvnw -q -B -pl core test-compile dependency:build-classpath -DskipTests -Dmdep.outputFile="$OUT/core-cp.txt" \
  -Dmdep.includeScope=test
java -cp "core/target/test-classes:core/target/classes:$(cat "$OUT/core-cp.txt")" \
  dev.bucketguard.report.bench.TextReportBenchmark "$@"
