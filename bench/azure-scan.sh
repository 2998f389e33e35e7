#!/usr/bin/env bash
# Benchmark of the Azure provider: N storage accounts of C containers each behind an in-memory stub of ARM and the
# blob service on 127.0.0.1, scanned with every Azure fact, then the same requests replayed by a bare JDK HTTP client
# at the same concurrency (the floor no scanner can beat).
#
#   bench/azure-scan.sh [ACCOUNTS=500] [CONTAINERS=10] [CONCURRENCY=16]
#
# Not part of the test suite; prints wall time, calls per account and the ratio scan / bare client (goal <= 1.2).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ACCOUNTS="${1:-500}"
CONTAINERS="${2:-10}"
CONCURRENCY="${3:-16}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
cd "$ROOT"

./mvnw -q -B -pl providers/azure -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$OUT/azure-cp.txt" -Dmdep.includeScope=test ${BUCKETGUARD_MAVEN_ARGS:-}
CP="providers/azure/target/test-classes:providers/azure/target/classes:$(cat "$OUT/azure-cp.txt")"

java -cp "$CP" dev.bucketguard.azure.bench.AzureScanBenchmark "$ACCOUNTS" "$CONTAINERS" "$CONCURRENCY" \
  | tee "$OUT/azure-result.txt"
