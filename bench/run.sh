#!/usr/bin/env bash
# Builds the benchmarks and runs them all (about 13 minutes on 2 cores), writing BENCHMARKS.md
# at the repository root. Extra arguments go to the runner: `--quick` for a smoke run, or another
# output file.
set -euo pipefail
cd "$(dirname "$0")/.."
# The compiler plugin regenerates the workloads only when their own sources change, not when the
# processor does: a bench module left from an earlier build would measure stale generated code.
rm -rf bench/target
mvn -q -DskipTests package -pl bench -am
java -jar bench/target/benchmarks.jar "$@"
