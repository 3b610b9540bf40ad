package dev.neurite.bench.frozen;

import dev.neurite.runtime.NetworkSpec;

/**
 * One network's row of {@link FrozenSizes}: sizes in bytes, wall times in milliseconds (JVM
 * start included for the commands).
 *
 * @param spec the network
 * @param modelFileBytes the model file it was frozen from
 * @param sourceBytes the frozen class's source
 * @param classFileBytes its class file
 * @param freezeMillis the {@code freeze} command
 * @param javacMillis each {@code javac} run
 * @param initializationMillis loading and initializing the class, which decodes its weights
 */
public record FrozenSize(NetworkSpec spec, long modelFileBytes, long sourceBytes,
    long classFileBytes, double freezeMillis, double[] javacMillis,
    double initializationMillis) {}
