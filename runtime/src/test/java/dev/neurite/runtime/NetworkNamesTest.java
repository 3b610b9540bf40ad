package dev.neurite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A network's name is a class name javac accepts and a file name a file system stores. */
class NetworkNamesTest {
  @Test
  void keywordsLiteralsAndRestrictedIdentifiersAreReserved() {
    for (String name : Arrays.asList("class", "goto", "_", "true", "null", "var", "yield",
        "record", "sealed", "permits")) {
      assertEquals(Collections.singletonList(SpecRule.NAME_RESERVED), rules(name), name);
    }
    assertEquals("[NeuriteNameReserved] the network name must not be \"record\", which javac "
        + "refuses as a class name (a restricted identifier); choose another name, e.g. "
        + "\"RecordNet\"", problems("record").get(0).message());
  }

  @Test
  void invisibleCharactersAndDollarAreRefusedWithTheirCodePoint() {
    for (String name : Arrays.asList("Xor\u200bNet", "Xor\u00adNet", "\ufeffXorNet",
        "Xor\u0000Net", "Xor\u0001Net", "Xor\u007fNet", "Outer$Inner")) {
      assertEquals(Collections.singletonList(SpecRule.NAME_CHARACTER), rules(name), name);
    }
    assertEquals("[NeuriteNameCharacter] the network name must not contain U+200B (ZERO WIDTH "
        + "SPACE), but \"Xor\\u200BNet\" does at index 3; it is invisible, javac ignores it in "
        + "names, and some file systems refuse it; remove it",
        problems("Xor\u200bNet").get(0).message());
    assertTrue(problems("Outer$Inner").get(0).message().contains("'$'"));
  }

  @Test
  void lettersOutsideTheBasicPlaneAreLetters() {
    assertEquals(Collections.emptyList(), rules("\ud835\udc9cNet")); // MATHEMATICAL SCRIPT A
    assertEquals(Collections.emptyList(), rules("Net\ud835\udc9c"));
    assertEquals(Collections.singletonList(SpecRule.NAME), rules("\ud83d\ude00Net")); // emoji
  }

  @Test
  void theClassFileNameMustFitInTwoHundredFiftyFiveBytes() {
    assertEquals(Collections.emptyList(), rules(repeat("N", 249)));
    assertEquals(Collections.singletonList(SpecRule.NAME_LENGTH), rules(repeat("N", 250)));
    assertEquals(Collections.singletonList(SpecRule.NAME_LENGTH), rules(repeat("\u00e9", 125)));
    assertEquals(Collections.emptyList(), rules(repeat("\u00e9", 124)));
  }

  @Test
  void aNameThatIsNoIdentifierKeepsItsRule() {
    assertEquals(Collections.singletonList(SpecRule.NAME), rules("Xor Net"));
    assertEquals(Collections.singletonList(SpecRule.NAME), rules("1Net"));
    assertEquals(Collections.singletonList(SpecRule.NAME), rules(""));
    assertEquals(Collections.singletonList(SpecRule.NAME), rules(null));
  }

  private static List<SpecRule> rules(String name) {
    List<SpecRule> rules = new ArrayList<>();
    for (SpecProblem p : problems(name)) {
      rules.add(p.rule());
    }
    return rules;
  }

  private static List<SpecProblem> problems(String name) {
    return SpecValidator.validate(name, 2, Collections.singletonList(
        LayerSpec.dense(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY);
  }

  private static String repeat(String s, int times) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < times; i++) {
      b.append(s);
    }
    return b.toString();
  }
}
