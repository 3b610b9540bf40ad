package dev.neurite.processor.validate;

import dev.neurite.processor.read.Location;

/**
 * One error to report, with its full message (stable id first) and where it belongs.
 *
 * @param message the message, starting with the rule's id in brackets
 * @param location where the compiler should point
 */
public record Problem(String message, Location location) {}
