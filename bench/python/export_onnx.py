"""Exports the bench's workloads to ONNX with PyTorch, with the bench's own weights.

The committed files under bench/src/main/resources/dev/neurite/bench/onnx were made with:

    mvn -q -B -ntp -DskipTests package -pl bench -am
    java -cp bench/target/benchmarks.jar dev.neurite.bench.peers.PeerFixtures bench/target/peers
    /usr/bin/python3 bench/python/export_onnx.py bench/target/peers \
        bench/src/main/resources/dev/neurite/bench/onnx

(Debian's python3-torch 1.13). Run it again only if the workloads or `Weights` change: the
bench's OnnxRuntimePeerTest fails when a file no longer computes the generated class's outputs.
"""
import os
import sys

import numpy as np
import torch

import fixtures

OPSET = 13


def export(fixture, path):
    """Writes fixture's network to path, batch size dynamic, and checks it against Java."""
    model = fixture.model().eval()
    with torch.no_grad():
        fixture.check("PyTorch", model(torch.from_numpy(fixture.inputs)).numpy(),
                      fixture.expected)
    torch.onnx.export(model, torch.zeros(1, fixture.sizes[0]), path,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
                      opset_version=OPSET, do_constant_folding=True)


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: export_onnx.py FIXTURES_DIR OUTPUT_DIR")
    source, target = argv[1], argv[2]
    os.makedirs(target, exist_ok=True)
    for name in fixtures.names(source):
        path = os.path.join(target, name + ".onnx")
        export(fixtures.Fixture(source, name), path)
        print(f"{path}: {os.path.getsize(path):,} bytes")


if __name__ == "__main__":
    np.set_printoptions(precision=6)
    main(sys.argv)
