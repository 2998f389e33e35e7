#!/usr/bin/env bash
# Benchmark of the AWS provider against moto: provisions N buckets with mixed settings, scans them, and compares the
# scan with a bare client making the same number of S3 GETs at the same concurrency against the same server.
#
#   bench/s3-scan.sh [BUCKETS=1000] [CONCURRENCY=64]
#   bench/s3-scan.sh --latency [MILLIS=50] [COUNTS=300,1000]
#   HEAP=512m bench/s3-scan.sh 10000     (the -Xmx of the benchmark's JVM: a scan that needs more fails with
#                                          OutOfMemoryError; default: the JVM's own)
#
# The second form scans through a small proxy (started in the benchmark's JVM) that adds MILLIS to every request,
# closer to a real cloud, where the round trip and the requests in flight decide the time: at each bucket count, the
# fixed 16 requests in flight of before against AIMD up to 64, with wall time and calls per bucket.
#
# Starts its own moto (scripts/moto.sh) on a free port and stops it afterwards. Not part of the test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LATENCY=""
if [[ "${1:-}" == "--latency" ]]; then
  LATENCY="${2:-50}"
  COUNTS="${3:-300,1000}"
else
  BUCKETS="${1:-1000}"
  CONCURRENCY="${2:-64}"
fi
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
cd "$ROOT"

# One reactor run: the aws module comes last, so its classpath (test scope, reactor modules as target/classes) stays.
./mvnw -q -B -pl providers/aws -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
CP="providers/aws/target/test-classes:providers/aws/target/classes:$(cat "$OUT/cp.txt")"

# A fresh server, so that earlier runs' buckets do not count.
export BUCKETGUARD_BUILD_DIR="$OUT/moto"
ENDPOINT="$(scripts/moto.sh start)"
trap 'scripts/moto.sh stop' EXIT
echo "moto at $ENDPOINT"

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1
TIME=()
if [[ -x /usr/bin/time ]]; then TIME=(/usr/bin/time -v -o "$OUT/time.txt"); fi
if [[ -n "$LATENCY" ]]; then
  java ${HEAP:+-Xmx$HEAP} -cp "$CP" dev.bucketguard.aws.bench.S3ScanBenchmark --latency "$ENDPOINT" "$LATENCY" "$COUNTS" \
    | tee "$OUT/latency.txt"
  exit 0
fi
"${TIME[@]}" java ${HEAP:+-Xmx$HEAP} -cp "$CP" dev.bucketguard.aws.bench.S3ScanBenchmark "$ENDPOINT" "$BUCKETS" "$CONCURRENCY" \
  | tee "$OUT/result.txt"
if [[ -f "$OUT/time.txt" ]]; then
  grep -E "Maximum resident set size" "$OUT/time.txt" | sed 's/^\s*/process /'
fi
