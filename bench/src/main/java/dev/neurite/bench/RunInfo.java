package dev.neurite.bench;

/**
 * What the report says about the run itself.
 *
 * @param quick whether this was a smoke run, whose numbers mean nothing
 * @param minutes how long the run took
 * @param load the 1-minute load average at the start and at the end
 * @param pytorch how PyTorch ran (version, threads, OpenBLAS kernels), or why it did not
 */
record RunInfo(boolean quick, long minutes, String load, String pytorch) {}
