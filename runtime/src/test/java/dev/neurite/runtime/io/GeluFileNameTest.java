package dev.neurite.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.Activation;
import dev.neurite.runtime.train.TrainableModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * GELU was the tanh approximation before the exact form took its name: files keep recording the
 * approximation as "GELU", so a file saved then loads into a {@code GELU_TANH} network and is
 * refused by an exact {@code GELU} one, whose files say "GELU_ERF".
 */
class GeluFileNameTest {
  private static byte[] saved(TrainableModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(model, out, ModelExtras.none());
    return out.toByteArray();
  }

  /** Whether {@code file} holds {@code name} as the file's strings are written: length, UTF-8. */
  private static boolean records(byte[] file, String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + utf8.length + 2 <= file.length; i++) {
      if (file[i] != 0 || file[i + 1] != utf8.length) {
        continue;
      }
      for (int k = 0; k < utf8.length; k++) {
        if (file[i + 2 + k] != utf8[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void theTanhFormIsRecordedAsFilesAlwaysRecordedIt() throws IOException {
    byte[] file = saved(Networks.classifier("Net", 5, Activation.GELU_TANH, 1));
    assertTrue(records(file, "GELU"));
    assertTrue(!records(file, "GELU_TANH"));
    TrainableModel loaded = Networks.classifier("Net", 5, Activation.GELU_TANH, 2);
    ModelFile.load(new ByteArrayInputStream(file), loaded);
    assertArrayEquals(Networks.bits(Networks.classifier("Net", 5, Activation.GELU_TANH, 1)),
        Networks.bits(loaded));
  }

  @Test
  void aFileRebuildsTheGeluItWasSavedFrom() throws IOException {
    for (Activation gelu : new Activation[] {Activation.GELU, Activation.GELU_TANH}) {
      TrainableModel model = Networks.classifier("Net", 5, gelu, 1);
      assertEquals(model.spec(), ModelFile.read(new ByteArrayInputStream(saved(model)), "net.nrt")
          .spec());
    }
  }

  @Test
  void anExactGeluNetworkRefusesATanhFileAndRoundTripsItsOwn() throws IOException {
    byte[] tanhFile = saved(Networks.classifier("Net", 5, Activation.GELU_TANH, 1));
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> ModelFile.load(
        new ByteArrayInputStream(tanhFile), Networks.classifier("Net", 5, Activation.GELU, 2)));
    assertTrue(e.getMessage().contains("gelu_tanh"), e.getMessage());
    byte[] exactFile = saved(Networks.classifier("Net", 5, Activation.GELU, 1));
    assertTrue(records(exactFile, "GELU_ERF"));
    ModelFileInfo info = ModelFile.load(new ByteArrayInputStream(exactFile),
        Networks.classifier("Net", 5, Activation.GELU, 2));
    assertEquals("4-5-3 (gelu, softmax)", info.shape());
  }
}
