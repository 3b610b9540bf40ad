#!/usr/bin/python3
"""Writes the ONNX fixtures of neurite-onnx's tests, and the PyTorch-trained digits classifier.

Run from anywhere with Debian's Python (python3-torch 1.13, python3-onnx 1.12, python3-numpy):

    /usr/bin/python3 onnx/scripts/make_fixtures.py

Every network is exported twice over: the .onnx file, and beside it `<name>.input.npy` (a batch
of inputs) and `<name>.expected.npy` (what PyTorch computed for them, float32). The tests read
these files only; they never run Python. Outputs are deterministic for a given PyTorch version.

- PyTorch networks go through torch.onnx.export (opset 17: Gemm, or MatMul for a Linear
  without bias, and the activation operators).
- Keras-style graphs (MatMul then Add, weights stored [in][out], as tf2onnx writes them) are
  built with onnx.helper: TensorFlow is not installable on the machine that made them.
- Gelu exists from opset 20 only, which this onnx (1.12) does not know: those graphs are built
  with onnx.helper and not run through onnx.checker (ONNX Runtime runs them).
- Unsupported graphs (a Conv, a skip connection, a dynamic feature size, ...) the importer must
  refuse, each with its own error.
"""
import gzip
import json
import os

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE = os.path.dirname(HERE)
REPO = os.path.dirname(MODULE)
FIXTURES = os.path.join(MODULE, "src", "test", "resources", "fixtures")
DIGITS_CSV = os.path.join(REPO, "samples", "src", "main", "resources", "datasets", "digits.csv.gz")
DIGITS_OUT = os.path.join(REPO, "samples", "src", "main", "resources", "models")
NUMPY_OUT = os.path.join(REPO, "runtime", "src", "test", "resources", "numpy")

BATCH = 16


def save_pair(name, x, y):
    np.save(os.path.join(FIXTURES, name + ".input.npy"), np.ascontiguousarray(x, dtype=np.float32))
    np.save(os.path.join(FIXTURES, name + ".expected.npy"), np.ascontiguousarray(y, dtype=np.float32))


def inputs(seed, shape):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g) * 2


def export_torch(name, module, in_shape, seed):
    """Exports an eval-mode module with a dynamic batch axis and stores its outputs."""
    torch.manual_seed(seed)
    for p in module.parameters():
        torch.nn.init.uniform_(p, -1, 1)
    module.eval()
    path = os.path.join(FIXTURES, name + ".onnx")
    torch.onnx.export(module, torch.zeros(1, *in_shape), path, input_names=["input"],
                      output_names=["output"], opset_version=17,
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    onnx.checker.check_model(onnx.load(path))
    x = inputs(seed + 1000, (BATCH,) + tuple(in_shape))
    with torch.no_grad():
        save_pair(name, x.numpy(), module(x).numpy())


def linear_stack(activation, last=None):
    """5 -> 7 (activation) -> 3 (last, or activation again)."""
    layers = [torch.nn.Linear(5, 7), activation, torch.nn.Linear(7, 3)]
    if last is not None:
        layers.append(last)
    return torch.nn.Sequential(*layers)


TORCH_ACTIVATIONS = {
    "relu": torch.nn.ReLU(),
    "leaky_relu": torch.nn.LeakyReLU(0.2),
    "elu": torch.nn.ELU(0.5),
    "selu": torch.nn.SELU(),
    "sigmoid": torch.nn.Sigmoid(),
    "tanh": torch.nn.Tanh(),
    "softplus": torch.nn.Softplus(),
    "hardsigmoid": torch.nn.Hardsigmoid(),
}


def torch_fixtures():
    for i, (name, act) in enumerate(sorted(TORCH_ACTIVATIONS.items())):
        export_torch("torch_" + name, linear_stack(act, act), (5,), 10 + i)
    export_torch("torch_softmax", linear_stack(torch.nn.Tanh(), torch.nn.Softmax(dim=1)), (5,), 40)
    # A Linear without bias exports as MatMul against its transposed weight.
    export_torch("torch_no_bias", torch.nn.Sequential(
        torch.nn.Linear(5, 6, bias=False), torch.nn.ReLU(), torch.nn.Linear(6, 2)), (5,), 41)
    # Flatten in front of 2x3 inputs, Dropout and Identity (no-ops at inference), linear output.
    export_torch("torch_flatten_dropout", torch.nn.Sequential(
        torch.nn.Flatten(), torch.nn.Linear(6, 4), torch.nn.Dropout(0.3), torch.nn.Identity(),
        torch.nn.ELU(), torch.nn.Linear(4, 2)), (2, 3), 42)


def tensor(name, array, dtype=np.float32):
    return numpy_helper.from_array(np.asarray(array, dtype=dtype), name)


def value_info(name, dims):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, dims)


def save_graph(name, nodes, initializers, n_in, n_out, opset=17, check=True, in_dims=None):
    graph = helper.make_graph(nodes, name, [value_info("input", in_dims or ["N", n_in])],
                              [value_info("output", ["N", n_out])], initializers)
    model = helper.make_model(graph, producer_name="neurite make_fixtures.py",
                              opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8 if opset <= 17 else 9
    if check:
        onnx.checker.check_model(model)
    onnx.save(model, os.path.join(FIXTURES, name + ".onnx"))


def keras_softsign():
    """Softsign as tf2onnx writes it (PyTorch 1.13 exports Softsign as Abs, Add and Div)."""
    rng = np.random.default_rng(6)
    w, b = rng.uniform(-1, 1, (5, 3)), rng.uniform(-1, 1, 3)
    nodes = [helper.make_node("MatMul", ["input", "dense/kernel"], ["d"], name="dense/MatMul"),
             helper.make_node("Add", ["dense/bias", "d"], ["z"], name="dense/BiasAdd"),
             helper.make_node("Softsign", ["z"], ["output"], name="dense/Softsign")]
    save_graph("keras_softsign", nodes, [tensor("dense/kernel", w), tensor("dense/bias", b)], 5, 3)
    x = inputs(49, (BATCH, 5))
    with torch.no_grad():
        z = x @ torch.tensor(w, dtype=torch.float32) + torch.tensor(b, dtype=torch.float32)
    save_pair("keras_softsign", x.numpy(), torch.nn.functional.softsign(z).numpy())


def keras_style():
    """Dense layers as tf2onnx writes them: MatMul by a [in][out] kernel, then Add of the bias."""
    rng = np.random.default_rng(7)
    w1, b1 = rng.uniform(-1, 1, (5, 8)), rng.uniform(-1, 1, 8)
    w2, b2 = rng.uniform(-1, 1, (8, 4)), rng.uniform(-1, 1, 4)
    nodes = [
        helper.make_node("MatMul", ["input", "dense/kernel"], ["d1"], name="dense/MatMul"),
        helper.make_node("Add", ["d1", "dense/bias"], ["z1"], name="dense/BiasAdd"),
        helper.make_node("Relu", ["z1"], ["a1"], name="dense/Relu"),
        helper.make_node("MatMul", ["a1", "dense_1/kernel"], ["d2"], name="dense_1/MatMul"),
        helper.make_node("Add", ["d2", "dense_1/bias"], ["z2"], name="dense_1/BiasAdd"),
        helper.make_node("Softmax", ["z2"], ["y"], name="dense_1/Softmax", axis=-1),
        helper.make_node("Identity", ["y"], ["output"], name="Identity"),
    ]
    inits = [tensor("dense/kernel", w1), tensor("dense/bias", b1),
             tensor("dense_1/kernel", w2), tensor("dense_1/bias", b2)]
    save_graph("keras_relu_softmax", nodes, inits, 5, 4)
    x = inputs(50, (BATCH, 5))
    with torch.no_grad():
        h = torch.relu(x @ torch.tensor(w1, dtype=torch.float32) + torch.tensor(b1, dtype=torch.float32))
        y = torch.softmax(h @ torch.tensor(w2, dtype=torch.float32) + torch.tensor(b2, dtype=torch.float32), 1)
    save_pair("keras_relu_softmax", x.numpy(), y.numpy())


def gemm_alpha_beta():
    """A Gemm with alpha, beta and an untransposed [in][out] weight."""
    rng = np.random.default_rng(8)
    w, b = rng.uniform(-1, 1, (5, 3)), rng.uniform(-1, 1, 3)
    nodes = [helper.make_node("Gemm", ["input", "w", "b"], ["z"], name="scaled_gemm",
                              alpha=0.5, beta=2.0),
             helper.make_node("Sigmoid", ["z"], ["output"], name="sigmoid")]
    save_graph("gemm_alpha_beta", nodes, [tensor("w", w), tensor("b", b)], 5, 3)
    x = inputs(51, (BATCH, 5))
    wt, bt = torch.tensor(w, dtype=torch.float32), torch.tensor(b, dtype=torch.float32)
    save_pair("gemm_alpha_beta", x.numpy(), torch.sigmoid(0.5 * (x @ wt) + 2.0 * bt).numpy())


def gelu(approximate):
    rng = np.random.default_rng(9)
    w, b = rng.uniform(-1, 1, (4, 5)), rng.uniform(-1, 1, 4)
    nodes = [helper.make_node("Gemm", ["input", "w", "b"], ["z"], name="gemm", transB=1),
             helper.make_node("Gelu", ["z"], ["output"], name="gelu", approximate=approximate)]
    name = "gelu_" + approximate
    save_graph(name, nodes, [tensor("w", w), tensor("b", b)], 5, 4, opset=20, check=False)
    x = inputs(52, (BATCH, 5))
    z = x @ torch.tensor(w, dtype=torch.float32).T + torch.tensor(b, dtype=torch.float32)
    save_pair(name, x.numpy(), torch.nn.functional.gelu(z, approximate=approximate).numpy())


class Residual(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.a, self.b = torch.nn.Linear(4, 4), torch.nn.Linear(4, 2)

    def forward(self, x):
        return self.b(torch.relu(self.a(x)) + x)


class Convolutional(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv, self.fc = torch.nn.Conv1d(1, 2, 3), torch.nn.Linear(6, 2)

    def forward(self, x):
        return self.fc(torch.flatten(self.conv(x), 1))


def unsupported():
    export_torch("unsupported_skip", Residual(), (4,), 60)
    export_torch("unsupported_conv", Convolutional(), (1, 5), 61)
    export_torch("unsupported_log_softmax",
                 torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.LogSoftmax(dim=1)), (4,), 62)
    w = np.ones((3, 2))
    dense = [helper.make_node("MatMul", ["input", "w"], ["output"], name="matmul")]
    save_graph("unsupported_dynamic_features", dense, [tensor("w", w)], "features", 2)
    transposed_input = [helper.make_node("Gemm", ["input", "w"], ["output"], name="gemm_a",
                                         transA=1)]
    save_graph("unsupported_trans_a", transposed_input, [tensor("w", w)], 3, 2)
    twice = [helper.make_node("Gemm", ["input", "w"], ["z"], name="gemm"),
             helper.make_node("Relu", ["z"], ["r"], name="relu"),
             helper.make_node("Tanh", ["r"], ["output"], name="tanh_after_relu")]
    save_graph("unsupported_two_activations", twice, [tensor("w", w)], 3, 2)


def digits():
    """A 64-32-10 ReLU/softmax classifier trained in PyTorch on the samples' digits.

    Pixels are divided by 16 (their maximum); every fifth image (row index % 5 == 4, 359 images)
    is held out for the test, the other 1438 train. Both rules are trivial to repeat in Java.
    """
    with gzip.open(DIGITS_CSV, "rt") as f:
        rows = np.array([[float(v) for v in line.split(",")] for line in f if line.strip()])
    held_out = torch.tensor(np.arange(len(rows)) % 5 == 4)
    x_all = torch.tensor(rows[:, :64] / 16.0, dtype=torch.float32)
    y_all = torch.tensor(rows[:, 64], dtype=torch.long)
    x, y = x_all[~held_out], y_all[~held_out]
    torch.manual_seed(2026)
    net = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    optimizer = torch.optim.Adam(net.parameters(), lr=0.01)
    for epoch in range(40):
        order = torch.randperm(len(x))
        for start in range(0, len(x), 32):
            batch = order[start:start + 32]
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(net(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
    classifier = torch.nn.Sequential(net, torch.nn.Softmax(dim=1)).eval()
    os.makedirs(DIGITS_OUT, exist_ok=True)
    path = os.path.join(DIGITS_OUT, "digits_pytorch.onnx")
    torch.onnx.export(classifier, torch.zeros(1, 64), path, input_names=["pixels"],
                      output_names=["probabilities"], opset_version=17,
                      dynamic_axes={"pixels": {0: "batch"}, "probabilities": {0: "batch"}})
    onnx.checker.check_model(onnx.load(path))
    with torch.no_grad():
        predicted = classifier(x_all[held_out]).argmax(1)
    correct = int((predicted == y_all[held_out]).sum())
    test = int(held_out.sum())
    with open(os.path.join(DIGITS_OUT, "digits_pytorch.properties"), "w") as f:
        f.write("# Written by onnx/scripts/make_fixtures.py: what PyTorch measured on the held-out\n")
        f.write("# digits (row index % 5 == 4, pixels / 16), and its predicted digit for each.\n")
        f.write("test.images=%d\ntest.correct=%d\ntest.accuracy=%r\n" % (test, correct, correct / test))
        f.write("test.predicted=%s\n" % ",".join(str(int(v)) for v in predicted))
    print("digits: PyTorch test accuracy %d/%d = %.4f" % (correct, test, correct / test))


def numpy_files():
    """Arrays as numpy writes them, for the runtime's .npy/.npz tests, good and bad."""
    os.makedirs(NUMPY_OUT, exist_ok=True)
    out = lambda name: os.path.join(NUMPY_OUT, name)
    np.save(out("f8_2x3.npy"), np.arange(6, dtype="<f8").reshape(2, 3) / 8)
    np.save(out("f4_vector.npy"), np.array([1.5, -2.25, 3e-8, 1e30], dtype="<f4"))
    np.save(out("f8_scalar.npy"), np.array(-0.5, dtype="<f8"))
    with open(out("f4_version2.npy"), "wb") as f:
        np.lib.format.write_array(f, np.array([[1, 2], [3, 4]], dtype="<f4"), version=(2, 0))
    np.save(out("big_endian.npy"), np.arange(3, dtype=">f4"))
    np.save(out("fortran.npy"), np.asfortranarray(np.arange(6, dtype="<f8").reshape(2, 3)))
    np.save(out("int64.npy"), np.arange(3, dtype="<i8"))
    # A PyTorch state_dict, saved the way the README tells Python users to, with a batch of
    # inputs and what the network computes for them.
    torch.manual_seed(5)
    net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
    np.savez(out("state_dict.npz"), **{k: v.numpy() for k, v in net.state_dict().items()})
    x = inputs(70, (5, 3))
    with torch.no_grad():
        np.save(out("state_dict.input.npy"), x.numpy())
        np.save(out("state_dict.expected.npy"), net(x).numpy())


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    numpy_files()
    torch_fixtures()
    keras_style()
    keras_softsign()
    gemm_alpha_beta()
    gelu("tanh")
    gelu("none")
    unsupported()
    digits()
    print("fixtures written to", FIXTURES)


if __name__ == "__main__":
    main()
