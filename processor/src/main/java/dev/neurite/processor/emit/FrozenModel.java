package dev.neurite.processor.emit;

import dev.neurite.processor.plan.NetworkPlan;
import dev.neurite.runtime.data.Standardizer;
import java.util.List;

/**
 * What a frozen class is written from: a planned network, its trained parameters, and where they
 * came from.
 *
 * @param packageName the package of the frozen class ("" for the unnamed package)
 * @param className the simple name of the frozen class
 * @param plan the network, planned as its trainable class is (so both compute the same sums)
 * @param parameters the trained parameters, in the flat layout of the plan's spec
 * @param standardizer the standardizer of the inputs saved with the model, or null
 * @param targetStandardizer the standardizer of the regression targets (the network predicts
 *     standardized targets), or null
 * @param classNames the names of the classes in the order of the outputs; may be empty
 * @param fileName the model file's name, for the class's documentation
 * @param sha256 the SHA-256 of the model file's bytes, in hexadecimal
 */
public record FrozenModel(String packageName, String className, NetworkPlan plan,
    double[] parameters, Standardizer standardizer, Standardizer targetStandardizer,
    List<String> classNames, String fileName, String sha256) {}
