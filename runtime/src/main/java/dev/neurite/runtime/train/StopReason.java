package dev.neurite.runtime.train;

/** Why a training run stopped. */
public enum StopReason {
  /** Every planned epoch ran. */
  COMPLETED,
  /** The monitored loss stopped improving for as many epochs as the patience allows. */
  EARLY_STOPPING,
  /** The training loss reached the target loss. */
  TARGET_LOSS_REACHED
}
