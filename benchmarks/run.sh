#!/usr/bin/env bash
# Builds the benchmark module with the Maven wrapper and runs JMH.
#
#   benchmarks/run.sh            full run (2 forks, 3x1s warmup, 5x1s measurement; bulk load 1+3 iterations; ~25 min):
#                                writes benchmarks/results/latest.csv, raw-jmh.csv and chart.svg
#   benchmarks/run.sh --quick    every benchmark briefly (smoke test; results go to results/quick/)
#   benchmarks/run.sh [--quick] REGEX [jmh options...]   only the benchmarks matching REGEX
#
# PostgreSQL: 127.0.0.1:5432, database test, user postgres; override with -Dbench.url/-Dbench.user/-Dbench.password
# in JAVA_OPTS-style via BENCH_JVM_ARGS, e.g. BENCH_JVM_ARGS="-Dbench.url=jdbc:postgresql://host/db?..."
# BENCH_OUT=dir writes the results of a run elsewhere (targeted runs that must not replace the committed full run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

quick=false
if [[ "${1:-}" == "--quick" ]]; then
  quick=true
  shift
fi
filter="${1:-.*Benchmark.*}"
if [[ $# -gt 0 ]]; then shift; fi

(cd "$root" && ./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests)

classpath="$here/target/classes:$(cat "$here/target/benchmark.classpath")"
jvm_args=()
fork_args=()
if [[ -n "${BENCH_JVM_ARGS:-}" ]]; then
  read -r -a jvm_args <<< "$BENCH_JVM_ARGS"
  fork_args=(-jvmArgsAppend "$BENCH_JVM_ARGS")
fi

if $quick; then
  out="${BENCH_OUT:-$here/results/quick}"
  mkdir -p "$out"
  java "${jvm_args[@]+"${jvm_args[@]}"}" -cp "$classpath" org.openjdk.jmh.Main "$filter" \
    -f 1 -wi 1 -w 200ms -i 1 -r 300ms -p bulkRows=10000 \
    "${fork_args[@]+"${fork_args[@]}"}" \
    -rf csv -rff "$out/raw-jmh.csv" "$@"
  python3 "$here/report.py" "$out/raw-jmh.csv" "$out/latest.csv" "$out/chart.svg" "$out/summary.md"
else
  out="${BENCH_OUT:-$here/results}"
  mkdir -p "$out"
  java "${jvm_args[@]+"${jvm_args[@]}"}" -cp "$classpath" org.openjdk.jmh.Main "$filter" \
    "${fork_args[@]+"${fork_args[@]}"}" \
    -rf csv -rff "$out/raw-jmh.csv" "$@" | tee "$out/jmh-output.txt"
  python3 "$here/report.py" "$out/raw-jmh.csv" "$out/latest.csv" "$out/chart.svg" "$out/summary.md"
fi
echo "results: $out/latest.csv, chart: $out/chart.svg, summary: $out/summary.md"
