package dev.neurite.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import dev.neurite.runtime.init.WeightInit;
import dev.neurite.runtime.train.TrainableModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A generated class draws its weights from the declared seed, or from one chosen at run time. */
class SeedConstructorTest {
  @Test
  void theSeedConstructorDrawsWhatWeightInitDrawsForThatSeed() throws Exception {
    Compilation compilation = Compiled.compile("test.Xor", ProcessorTest.XOR);
    Class<?> type = Compiled.loader(compilation).loadClass("test.XorNet");
    TrainableModel declared = (TrainableModel) type.getConstructor().newInstance();
    TrainableModel seeded = (TrainableModel) type.getConstructor(long.class).newInstance(99L);
    double[] fromDeclared = parameters(declared);
    double[] fromSeed = parameters(seeded);
    assertArrayEquals(floats(WeightInit.initialize(declared.spec(), declared.spec().seed())),
        fromDeclared);
    assertArrayEquals(floats(WeightInit.initialize(declared.spec(), 99)), fromSeed);
    assertFalse(Arrays.equals(fromDeclared, fromSeed));
    assertEquals(declared.spec(), seeded.spec()); // the spec keeps the declared seed
  }

  private static double[] parameters(TrainableModel model) {
    double[] values = new double[model.parameterCount()];
    model.getParameters(values);
    return values;
  }

  /** XorNet computes in float: its parameters are the drawn values rounded to float. */
  private static double[] floats(double[] values) {
    double[] rounded = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      rounded[i] = (float) values[i];
    }
    return rounded;
  }
}
