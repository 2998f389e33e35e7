#!/usr/bin/env bash
# Benchmark of the GCP provider against fake-gcs-server, with WireMock in front serving what the emulator lacks
# (iamConfiguration, bucket IAM, the default object ACL, the organisation policy): provisions N buckets, scans them,
# and compares the scan with a bare google-cloud-storage client making the same calls at the same concurrency
# through the same stub.
#
#   bench/gcs-scan.sh [BUCKETS=1000] [CONCURRENCY=16]
#
# Starts its own fake-gcs-server (scripts/fake-gcs.sh) on a free port and stops it afterwards. Not part of the test
# suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUCKETS="${1:-1000}"
CONCURRENCY="${2:-16}"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
cd "$ROOT"

# One reactor run: the gcp module comes last, so its classpath (test scope, reactor modules as target/classes) stays.
./mvnw -q -B -pl providers/gcp -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$OUT/gcs-cp.txt" -Dmdep.includeScope=test
CP="providers/gcp/target/test-classes:providers/gcp/target/classes:$(cat "$OUT/gcs-cp.txt")"

# A fresh server, so that earlier runs' buckets do not count.
export BUCKETGUARD_BUILD_DIR="$OUT/fake-gcs"
ENDPOINT="$(scripts/fake-gcs.sh start)"
trap 'scripts/fake-gcs.sh stop' EXIT
echo "fake-gcs-server at $ENDPOINT"

TIME=()
if [[ -x /usr/bin/time ]]; then TIME=(/usr/bin/time -v -o "$OUT/gcs-time.txt"); fi
"${TIME[@]}" java -cp "$CP" dev.bucketguard.gcp.bench.GcsScanBenchmark "$ENDPOINT" "$BUCKETS" "$CONCURRENCY" \
  | tee "$OUT/gcs-result.txt"
if [[ -f "$OUT/gcs-time.txt" ]]; then
  grep -E "Maximum resident set size" "$OUT/gcs-time.txt" | sed 's/^\s*/process /'
fi
