"""PyTorch as a peer of the bench: one thread, eager and TorchScript, timed like JMH times Java.

Run by the bench (TorchPeers.java) on the files PeerFixtures writes, with /usr/bin/python3
(Debian's python3-torch), OPENBLAS_NUM_THREADS=1 and OpenBLAS free to pick its kernels for this
CPU. For each workload and each form (eager; TorchScript, frozen for inference) it first checks
that the network computes the generated class's outputs (every sample, one at a time and in one
batch) and its outputs after one SGD step, within the fixture's tolerance, then measures:

  predict       one sample ([1, n] tensor), ns per call, cycling over the minibatch's samples
  predictBatch  256 samples in one call, samples/s
  train         forward, loss, backward and torch.optim.SGD step on a minibatch of 32, samples/s

each as warm-up iterations, then measured iterations of a fixed time, reporting the mean and the
half-width of the 99.9% confidence interval over the measured iterations (JMH's convention).
Results: one tab-separated line per figure, "workload task form score error", in RESULTS.

usage: torch_peer.py FIXTURES_DIR RESULTS [--workloads W1,W2] [--warmups N]
                     [--warmup-seconds S] [--iterations N] [--iteration-seconds S]
                     [--check-only]
"""
import argparse
import copy
import math
import statistics
import sys
import time

import torch

import fixtures

# Student's t at 0.9995 (a two-sided 99.9% interval), by degrees of freedom, as JMH uses.
T_999 = {1: 636.62, 2: 31.599, 3: 12.924, 4: 8.610, 5: 6.869, 6: 5.959, 7: 5.408, 8: 5.041,
         9: 4.781, 10: 4.587}


def measure(operation, per_call, args, ns_per_op):
    """Times operation like a JMH benchmark; returns (score, error)."""
    def iteration(seconds):
        calls = 0
        start = time.perf_counter()
        deadline = start + seconds
        now = start
        while now < deadline:
            for _ in range(8):
                operation()
            calls += 8
            now = time.perf_counter()
        elapsed = now - start
        return elapsed * 1e9 / (calls * per_call) if ns_per_op else calls * per_call / elapsed

    for _ in range(args.warmups):
        iteration(args.warmup_seconds)
    scores = [iteration(args.iteration_seconds) for _ in range(args.iterations)]
    mean = statistics.fmean(scores)
    if len(scores) < 2:
        return mean, math.nan
    t = T_999.get(len(scores) - 1, 3.291)
    return mean, t * statistics.stdev(scores) / math.sqrt(len(scores))


def inference_forms(fixture):
    """Returns {form: module} for inference: eager, and TorchScript frozen for inference."""
    eager = fixture.model().eval()
    frozen = torch.jit.freeze(torch.jit.script(copy.deepcopy(eager)))
    return {"eager": eager, "jit": frozen}


def training_forms(fixture):
    """Returns {form: factory of a new module} of logits for training: eager, and scripted."""
    def eager():
        return fixture.model(with_output_activation=False).train()
    return {"eager": eager, "jit": lambda: torch.jit.script(eager())}


def sgd_step(module, optimizer, inputs, targets, loss):
    optimizer.zero_grad(set_to_none=True)
    loss(module(inputs), targets).backward()
    optimizer.step()


def check(fixture, form, infer, new_train):
    """Raises unless the form computes the generated class's outputs, before and after a step."""
    samples = torch.from_numpy(fixture.inputs)
    with torch.inference_mode():
        batch = infer(samples).numpy()
        single = torch.cat([infer(samples[k:k + 1]) for k in range(fixture.checked)]).numpy()
    fixture.check(f"PyTorch {form} (batch)", batch, fixture.expected)
    fixture.check(f"PyTorch {form} (one sample)", single, fixture.expected[:fixture.checked])
    trained = new_train()
    inputs, targets, loss = fixture.minibatch()
    sgd_step(trained, torch.optim.SGD(trained.parameters(), lr=fixture.learning_rate),
             inputs, targets, loss)
    output = torch.nn.Softmax(dim=1) if fixture.activations[-1] == "softmax" else torch.sigmoid
    with torch.no_grad():
        after = output(trained(samples[:fixture.checked])).numpy()
    fixture.check(f"PyTorch {form} after one SGD step", after, fixture.trained)


def run(fixture, args, out):
    infer_forms = inference_forms(fixture)
    train_forms = training_forms(fixture)
    samples = torch.from_numpy(fixture.inputs)
    singles = [samples[k:k + 1].clone() for k in range(fixture.batch)]
    for form in ("eager", "jit"):
        infer, train = infer_forms[form], train_forms[form]()
        check(fixture, form, infer, train_forms[form])
        print(f"{fixture.name} {form}: computes the generated class's outputs", flush=True)
        if args.check_only:
            continue
        results = {}
        with torch.inference_mode():
            cycle = [0]

            def predict():
                infer(singles[cycle[0]])
                cycle[0] = (cycle[0] + 1) % len(singles)

            results["predict"] = measure(predict, 1, args, True)
            results["predictBatch"] = measure(lambda: infer(samples), fixture.count, args, False)
        inputs, targets, loss = fixture.minibatch()
        optimizer = torch.optim.SGD(train.parameters(), lr=fixture.learning_rate)
        results["train"] = measure(lambda: sgd_step(train, optimizer, inputs, targets, loss),
                                   fixture.batch, args, False)
        for task, (score, error) in results.items():
            line = f"{fixture.name}\t{task}\t{form}\t{score!r}\t{error!r}"
            print(line, flush=True)
            out.write(line + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fixtures")
    parser.add_argument("results")
    parser.add_argument("--workloads", default=None)
    parser.add_argument("--warmups", type=int, default=2)
    parser.add_argument("--warmup-seconds", type=float, default=1.0)
    parser.add_argument("--iterations", type=int, default=4)
    parser.add_argument("--iteration-seconds", type=float, default=1.0)
    parser.add_argument("--check-only", action="store_true",
                        help="check every form against the generated class, measure nothing")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread", flush=True)
    names = args.workloads.split(",") if args.workloads else fixtures.names(args.fixtures)
    with open(args.results, "w", encoding="utf-8") as out:
        for name in names:
            run(fixtures.Fixture(args.fixtures, name), args, out)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        sys.exit(f"PyTorch peer refused: {e}")
