package dev.neurite.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": edit distance and the choice of the closest name. */
class SuggestionsTest {
  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertEquals(3, Suggestions.distance("kitten", "sitting"));
    assertEquals(0, Suggestions.distance("same", "same"));
    assertEquals(4, Suggestions.distance("", "four"));
  }

  @Test
  void theClosestCandidateWinsIgnoringCaseAndTheFirstWinsATie() {
    List<String> names = List.of("neurite.unrollLimit", "neurite.budget", "neurite.budgets");
    assertEquals("neurite.unrollLimit", Suggestions.closest("neurite.UNROLLLIMIT", names));
    assertEquals("neurite.budget", Suggestions.closest("neurite.budgetx", names));
    assertEquals("typed", Suggestions.closest("typed", List.of()));
  }
}
