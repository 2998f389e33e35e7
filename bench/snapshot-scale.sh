#!/usr/bin/env bash
# Memory and time of `scan snapshot` as the snapshot grows: makes synthetic snapshots of N resources (copies of the
# bundled example's 8 resources across AWS, Azure and Google Cloud, each copy with its own ids and accounts of 100
# resources), then scans each with a heap limit, in the text and the JSON report, and prints wall time, peak RSS and
# the largest heap in use after a collection (from the GC log). On a shared machine the CPU time (user + sys) says
# more than the wall time. Not part of the test suite.
#
#   bench/snapshot-scale.sh [N ...]        (default: 10000 50000 100000)
#   HEAP=1g bench/snapshot-scale.sh 100000 (the -Xmx of every run; default 1g)
#
# The jar must be built: ./mvnw -B -q package -DskipTests. Output under bench/out/snapshot-scale/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/cli/target/bucketguard.jar"
OUT="$ROOT/bench/out/snapshot-scale"
HEAP="${HEAP:-1g}"
[ -f "$JAR" ] || { echo "bench: $JAR is not built; run ./mvnw -B -q package -DskipTests" >&2; exit 2; }
mkdir -p "$OUT"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 50000 100000)

make_snapshot() { # N FILE: streamed, so that making it costs no memory
  python3 - "$ROOT/examples/account-opening.snapshot.json" "$1" "$2" <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))["resources"]
n, path = int(sys.argv[2]), sys.argv[3]
with open(path, "w") as out:
    out.write('{"formatVersion": "2.0", "resources": [\n')
    for i in range(n):
        r = json.loads(json.dumps(template[i % len(template)]))
        copy = i // len(template)
        group = i // 100
        suffix = "-%07d" % copy
        old_id = r["id"]
        r["id"] = (old_id + suffix)[:63] if r["provider"] != "azure" else ("s%010d" % i)
        if r["provider"] == "aws":
            r["account"] = "%012d" % (100000000000 + group)
        elif r["provider"] == "azure":
            r["account"] = "00000000-0000-0000-0000-%012d" % group
        else:
            r["account"] = "bench-project-%d" % group
        # Names of the resource inside its own details and grants follow the new id.
        text = json.dumps(r).replace(old_id, r["id"])
        out.write(("," if i else "") + text + "\n")
    out.write("]}\n")
PY
}

printf "%-9s %-6s %-5s %9s %9s %12s %16s %s\n" resources format heap "wall (s)" "CPU (s)" "peak RSS" "max heap used" exit
for n in "${SIZES[@]}"; do
  file="$OUT/synthetic-$n.snapshot.json"
  [ -f "$file" ] || make_snapshot "$n" "$file"
  for format in text json; do
    gc="$OUT/gc-$n-$format.log"
    rm -f "$gc"
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" java "-Xmx$HEAP" "-Xlog:gc:file=$gc" -jar "$JAR" \
      scan snapshot "$file" --format "$format" --output "$OUT/report-$n.$format" --fail-on none --quiet \
      2> "$OUT/stderr-$n-$format.txt"
    code=$?
    set -e
    read -r wall user sys rss < <(tail -1 "$OUT/time.txt")
    # "Pause Young (Normal) (G1 Evacuation Pause) 120M->80M(256M)": the heap in use after each collection.
    used=$(grep -oE -- '->[0-9]+M' "$gc" | tr -d '>M-' | sort -n | tail -1)
    cpu=$(echo "$user + $sys" | bc)
    printf "%-9s %-6s %-5s %9s %9s %8d MiB %12s MiB %s\n" "$n" "$format" "$HEAP" "$wall" "$cpu" $((rss / 1024)) \
      "${used:-0}" "$code"
  done
done
