package dev.bucketguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The memory-saving forms of the model behave as the plain ones did: a fact or kind read a million times is one
 * instance and still validated, and a resource's collected facts are the same set, in the same order, immutable.
 */
class SharedValuesTest {
    private static final ObjectMapper JSON = ModelJson.mapper();

    @Test
    void factsAndKindsReadFromJsonAreOneInstancePerName() throws Exception {
        List<Fact> facts = JSON.readValue("[\"POLICY\", \"POLICY\", \"ACL\"]",
                JSON.getTypeFactory().constructCollectionType(List.class, Fact.class));
        assertSame(facts.get(0), facts.get(1));
        assertSame(Fact.of("POLICY"), facts.get(0));
        assertEquals(new Fact("POLICY"), facts.get(0), "equality is by name, as before");
        assertSame(ResourceKind.of("BUCKET"), JSON.readValue("\"BUCKET\"", ResourceKind.class));
        assertEquals("\"POLICY\"", JSON.writeValueAsString(Fact.of("POLICY")));
    }

    @Test
    void aBadNameIsStillRefusedAndNeverKept() {
        assertThrows(IllegalArgumentException.class, () -> Fact.of("not a fact"));
        assertThrows(IllegalArgumentException.class, () -> Fact.of("not a fact"), "refused again, not cached");
        assertThrows(RuntimeException.class, () -> Fact.of(null));
        assertThrows(Exception.class, () -> JSON.readValue("\"lower case\"", ResourceKind.class));
    }

    @Test
    void pastTheBoundEveryNameStillWorksWithoutBeingKept() {
        // A cache of its own: filling the one Fact.of uses would change what later tests in this JVM share.
        Canonical<Fact> facts = new Canonical<>(Fact::new);
        for (int i = 0; i < Canonical.MAX; i++) {
            assertSame(facts.of("BOUND_" + i), facts.of("BOUND_" + i));
        }
        String late = "BOUND_" + Canonical.MAX;
        assertEquals(late, facts.of(late).name());
        assertNotSame(facts.of(late), facts.of(late), "a name past the bound is not kept");
        assertEquals(facts.of(late), facts.of(late));
        assertSame(facts.of("BOUND_7"), facts.of("BOUND_7"), "the names kept stay shared");
    }

    @Test
    void collectedFactsAreTheSameSortedImmutableSet() {
        Set<Fact> given = Set.of(Fact.of("WEBSITE"), Fact.of("ACL"), Fact.of("POLICY"));
        Set<Fact> set = SortedArraySet.copyOf(given);
        assertEquals(List.of(Fact.of("ACL"), Fact.of("POLICY"), Fact.of("WEBSITE")), new ArrayList<>(set));
        assertEquals(new TreeSet<>(given), set);
        assertEquals(set, new TreeSet<>(given));
        assertEquals(new TreeSet<>(given).hashCode(), set.hashCode());
        assertTrue(set.contains(new Fact("POLICY")));
        assertFalse(set.contains(Fact.of("LOGGING")));
        assertFalse(set.contains("POLICY"), "a string is not a fact");
        assertFalse(set.contains(null));
        assertThrows(UnsupportedOperationException.class, () -> set.add(Fact.of("LOGGING")));
        assertThrows(UnsupportedOperationException.class, () -> set.remove(Fact.of("ACL")));
        Iterator<Fact> it = set.iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
        it.next();
        it.next();
        assertThrows(NoSuchElementException.class, it::next);
        assertTrue(SortedArraySet.copyOf(List.<Fact>of()).isEmpty());
    }
}
