#!/usr/bin/env bash
# Builds the benchmarks and runs them all (about 20 minutes on 2 cores), writing BENCHMARKS.md
# at the repository root: the generated classes against ONNX Runtime (from Maven Central),
# PyTorch, hand-written Java and Encog, then cold starts and the shape experiments. PyTorch is
# optional: it runs when /usr/bin/python3 has torch (Debian: apt install python3-torch
# libopenblas0-pthread); otherwise the run says so and its columns stay empty. Extra arguments
# go to the runner: `--quick` for a smoke run, `--suites=LARGE_PEERS,COLD_START` for some
# suites only, or another output file.
set -euo pipefail
cd "$(dirname "$0")/.."
# The compiler plugin regenerates the workloads only when their own sources change, not when the
# processor does: a bench module left from an earlier build would measure stale generated code.
rm -rf bench/target
mvn -q -DskipTests package -pl bench -am
java -jar bench/target/benchmarks.jar "$@"
