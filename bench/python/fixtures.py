"""Reads the files `PeerFixtures` writes and builds the same networks in PyTorch.

Shared by export_onnx.py and torch_peer.py; see PeerFixtures.java for the file format.
"""
import os

import numpy as np
import torch

ACTIVATIONS = {
    "tanh": torch.nn.Tanh,
    "sigmoid": torch.nn.Sigmoid,
    "relu": torch.nn.ReLU,
    "softmax": lambda: torch.nn.Softmax(dim=1),
}


class Fixture:
    """One workload: its network description, weights, samples and the Java outputs."""

    def __init__(self, directory, name):
        self.name = name
        path = os.path.join(directory, name)
        with open(path + ".txt", encoding="utf-8") as f:
            fields = dict(line.split(" ", 1) for line in f.read().splitlines() if line)
        self.sizes = [int(s) for s in fields["sizes"].split()]
        self.activations = fields["activations"].split()
        self.loss = fields["loss"].strip()
        self.learning_rate = float(fields["learning_rate"])
        self.batch = int(fields["batch"])
        self.count = int(fields["count"])
        self.checked = int(fields["checked"])
        self.tolerance = float(fields["tolerance"])
        inputs, outputs = self.sizes[0], self.sizes[-1]
        self.weights = np.fromfile(path + ".weights", dtype="<f4")
        self.inputs = np.fromfile(path + ".inputs", dtype="<f4").reshape(self.count, inputs)
        self.targets = np.fromfile(path + ".targets", dtype="<f4").reshape(self.count, outputs)
        self.expected = np.fromfile(path + ".expected", dtype="<f4").reshape(self.count, outputs)
        self.trained = np.fromfile(path + ".trained", dtype="<f4").reshape(self.checked, outputs)

    def model(self, with_output_activation=True):
        """Returns the network as torch.nn.Sequential of Linear layers, loaded with the weights.

        Without the output activation it returns logits, which is how PyTorch trains a softmax
        or sigmoid output (cross_entropy and binary_cross_entropy_with_logits fuse them).
        """
        layers = []
        offset = 0
        for l, activation in enumerate(self.activations):
            n_in, n_out = self.sizes[l], self.sizes[l + 1]
            linear = torch.nn.Linear(n_in, n_out)
            with torch.no_grad():
                weight = self.weights[offset:offset + n_out * n_in].reshape(n_out, n_in)
                offset += n_out * n_in
                bias = self.weights[offset:offset + n_out]
                offset += n_out
                linear.weight.copy_(torch.from_numpy(weight.copy()))
                linear.bias.copy_(torch.from_numpy(bias.copy()))
            layers.append(linear)
            if with_output_activation or l < len(self.activations) - 1:
                layers.append(ACTIVATIONS[activation]())
        if offset != len(self.weights):
            raise ValueError(f"{self.name}: {len(self.weights)} weights for {offset} parameters")
        return torch.nn.Sequential(*layers)

    def minibatch(self):
        """Returns (inputs, targets, loss) of the first minibatch, in PyTorch's training idiom.

        The loss takes logits: the Java loss on the output activation's result, averaged over
        the minibatch, as PyTorch users write it (class indices for a softmax output).
        """
        inputs = torch.from_numpy(self.inputs[:self.batch].copy())
        targets = torch.from_numpy(self.targets[:self.batch].copy())
        if self.loss == "binary_cross_entropy" and self.activations[-1] == "sigmoid":
            return inputs, targets, torch.nn.functional.binary_cross_entropy_with_logits
        if self.loss == "categorical_cross_entropy" and self.activations[-1] == "softmax":
            return inputs, targets.argmax(dim=1), torch.nn.functional.cross_entropy
        raise ValueError(f"{self.name}: no PyTorch form of {self.loss} on {self.activations[-1]}")

    def check(self, what, actual, expected):
        """Raises unless actual is within the tolerance of what the generated class computed."""
        difference = float(np.max(np.abs(actual - expected)))
        if not difference <= self.tolerance:
            raise AssertionError(f"{what} on {self.name} differs from the generated class by "
                                 f"{difference:.3g} (tolerance {self.tolerance})")
        return difference


def names(directory):
    """Returns the workloads with fixtures in directory, in order."""
    return sorted(f[:-4] for f in os.listdir(directory) if f.endswith(".txt"))
