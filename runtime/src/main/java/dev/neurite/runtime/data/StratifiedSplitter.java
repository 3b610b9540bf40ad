package dev.neurite.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits a classification dataset so that each class keeps its share in both parts: with 50
 * samples of a class and a 0.8 fraction, 40 go to training and 10 to testing, whatever the seed.
 */
final class StratifiedSplitter {
  private StratifiedSplitter() {}

  static Split split(Dataset data, double trainFraction, long seed) {
    List<List<Integer>> classes = byClass(data);
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (List<Integer> members : classes) {
      shuffle(members, random);
      int keep = (int) Math.round(members.size() * trainFraction);
      train.addAll(members.subList(0, keep));
      test.addAll(members.subList(keep, members.size()));
    }
    if (train.isEmpty() || test.isEmpty()) {
      throw new IllegalArgumentException("a stratified split of " + data.size() + " samples at "
          + trainFraction + " must leave samples in both parts, but " + (train.isEmpty()
          ? "training" : "testing") + " would be empty");
    }
    // Shuffle across classes too, so that neither part is sorted by class.
    shuffle(train, random);
    shuffle(test, random);
    return Split.of(data, toArray(train), toArray(test));
  }

  /** Groups sample indices by class: the largest target value, or a single target >= 0.5. */
  private static List<List<Integer>> byClass(Dataset data) {
    List<List<Integer>> classes = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      int c = classOf(data.target(i), i);
      while (classes.size() <= c) {
        classes.add(new ArrayList<>());
      }
      classes.get(c).add(i);
    }
    return classes;
  }

  private static int classOf(double[] target, int i) {
    for (double t : target) {
      if (Double.isNaN(t)) {
        throw new IllegalArgumentException("targets must be classes, but target " + i
            + " holds NaN");
      }
    }
    if (target.length == 1) {
      return target[0] >= 0.5 ? 1 : 0;
    }
    return OneHot.argmax(target);
  }

  private static void shuffle(List<Integer> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  private static int[] toArray(List<Integer> list) {
    int[] array = new int[list.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = list.get(i);
    }
    return array;
  }
}
