#!/usr/bin/env bash
# Benchmark of the Salesforce provider: a stub org on WireMock (127.0.0.1) with S Experience sites, O custom objects
# (every one readable by some site's guest: the worst case for the per-object queries) and L public links, scanned
# with every Salesforce fact. Prints wall time and the API calls the scan made (Salesforce counts each against the
# org's daily limit): fixed per org, per readable object, per link page; per site and per link.
#
#   bench/salesforce-scan.sh [SITES=20] [OBJECTS=2000] [LINKS=50000] [CONCURRENCY=8]
#
# Not part of the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SITES="${1:-20}"
OBJECTS="${2:-2000}"
LINKS="${3:-50000}"
CONCURRENCY="${4:-8}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
cd "$ROOT"

./mvnw -q -B -ntp -pl providers/salesforce -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$OUT/salesforce-cp.txt" -Dmdep.includeScope=test ${BUCKETGUARD_MAVEN_ARGS:-}
CP="providers/salesforce/target/test-classes:providers/salesforce/target/classes:$(cat "$OUT/salesforce-cp.txt")"

java -Xmx2g -cp "$CP" dev.bucketguard.salesforce.bench.SalesforceScanBenchmark "$SITES" "$OBJECTS" "$LINKS" \
  "$CONCURRENCY" | tee "$OUT/salesforce-result.txt"
