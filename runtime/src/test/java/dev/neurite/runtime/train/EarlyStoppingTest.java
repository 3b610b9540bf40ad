package dev.neurite.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.optim.Adam;
import dev.neurite.runtime.reference.ReferenceNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Early stopping on a validation set whose labels are the opposite of the training labels: the
 * better the network learns, the worse the validation loss, so the best epoch comes early.
 */
class EarlyStoppingTest {
  private final List<double[]> parametersAfterEpoch = new ArrayList<>();

  private TrainingHistory train(ReferenceNetwork net, boolean restoreBest) {
    return Trainer.builder().optimizer(new Adam(0.05)).epochs(300)
        .earlyStopping(10, 0, restoreBest)
        .listener(new TrainingListener() {
          @Override public void onEpochEnd(EpochResult result) {
            parametersAfterEpoch.add(Fixtures.parameters(net));
          }
        })
        .build().fit(net, Fixtures.xor(), Fixtures.antiXor());
  }

  @Test
  void stopsAfterPatienceAndRestoresTheBestEpochsWeights() {
    ReferenceNetwork net = Fixtures.xorNetwork(1);
    TrainingHistory history = train(net, true);
    assertEquals(StopReason.EARLY_STOPPING, history.stopReason());
    assertEquals(history.bestEpoch() + 10, history.epochCount());
    assertTrue(Arrays.equals(parametersAfterEpoch.get(history.bestEpoch() - 1),
        Fixtures.parameters(net)), "the model must hold the best epoch's parameters");
    double best = history.epochs().get(history.bestEpoch() - 1).validationLoss();
    for (EpochResult e : history.epochs()) {
      assertTrue(e.validationLoss() >= best, e.toString());
    }
  }

  @Test
  void withoutRestoreKeepsTheLastEpochsWeights() {
    ReferenceNetwork net = Fixtures.xorNetwork(1);
    TrainingHistory history = train(net, false);
    assertTrue(Arrays.equals(parametersAfterEpoch.get(history.epochCount() - 1),
        Fixtures.parameters(net)));
  }
}
