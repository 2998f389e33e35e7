package dev.bucketguard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bucketguard.exposure.Exposure;
import dev.bucketguard.exposure.TrustZone;
import dev.bucketguard.exposure.Verdict;
import dev.bucketguard.model.Fact;
import dev.bucketguard.model.Resource;
import dev.bucketguard.model.Unknown;
import dev.bucketguard.provider.FactSelection;
import dev.bucketguard.provider.Inventory;
import dev.bucketguard.provider.Progress;
import dev.bucketguard.provider.Provider;
import dev.bucketguard.provider.ScanError;
import dev.bucketguard.scan.RuleSet;
import dev.bucketguard.scan.Scanner;
import dev.bucketguard.spi.Cloud;
import dev.bucketguard.spi.Outcome;
import dev.bucketguard.spi.Rule;
import dev.bucketguard.spi.RuleContext;
import dev.bucketguard.forensics.ReadsRecorded;
import dev.bucketguard.spi.ScanParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract every {@link Provider} keeps, as an abstract JUnit 5 test: a subclass builds the worlds (a stub
 * server, an emulator, a file) and inherits the assertions.
 *
 * <ul>
 *   <li>A fact whose every read is refused is an {@link Unknown} that names the call and the permission, for every
 *       resource and every fact asked for; a resource read that way gives no grant, an UNKNOWN verdict (never
 *       PRIVATE) and no PASS from any rule of its cloud.</li>
 *   <li>One broken resource (an answer no code path expects) does not stop the others: every healthy resource is
 *       read, and the broken one is either present with its unknowns or named by a scan error.</li>
 *   <li>Only the facts asked for are collected.</li>
 *   <li>Two reads of the same world give equal resources in the same order.</li>
 *   <li>Read-only, provably: every mutating call the subclass tries through the provider's own clients is refused
 *       before it is sent (zero requests at the server), while a read through the same clients gets through.</li>
 * </ul>
 *
 * <pre>{@code
 * class MyProviderContractTest extends ProviderContract {
 *     protected Cloud cloud() { return new MyCloud(); }
 *     protected World everyFactDenied() { ...stub every read with 403...; return World.of(provider, "a", "b"); }
 *     protected World oneBrokenResource() { ...; return World.withBroken(provider, "a", "b", "c"); }
 *     protected ReadOnlyProbe readOnlyProbe() { return new ReadOnlyProbe(...); }
 * }
 * }</pre>
 */
public abstract class ProviderContract {

    /**
     * A provider over a world, and what the contract should find there.
     *
     * @param provider    the provider to collect from
     * @param expectedIds the ids of the resources the world holds, in the order the provider reports them
     * @param brokenId    the resource whose answers are broken, or null
     */
    public record World(Provider provider, List<String> expectedIds, String brokenId) {
        public World {
            Objects.requireNonNull(provider, "provider");
            expectedIds = List.copyOf(expectedIds);
            if (brokenId != null && !expectedIds.contains(brokenId)) {
                throw new IllegalArgumentException("the broken resource '" + brokenId + "' is not among " + expectedIds);
            }
        }

        /** A world of healthy resources. */
        public static World of(Provider provider, String... ids) {
            return new World(provider, List.of(ids), null);
        }

        /** A world in which {@code broken} is broken and the other ids are healthy. */
        public static World withBroken(Provider provider, String broken, String... ids) {
            return new World(provider, List.of(ids), broken);
        }
    }

    /**
     * How to prove a provider read-only.
     *
     * @param mutatingCalls     name to call: each tries a mutating API through the clients the provider itself builds
     * @param refusal           the exception (or cause) by which the guard refuses a call
     * @param read              a read through the same clients, which must reach the server
     * @param requestsAtServer  how many requests the server has received so far
     */
    public record ReadOnlyProbe(Map<String, Executable> mutatingCalls, Class<? extends Throwable> refusal,
                                Executable read, java.util.function.LongSupplier requestsAtServer) {
        public ReadOnlyProbe {
            mutatingCalls = Map.copyOf(mutatingCalls);
            if (mutatingCalls.isEmpty()) {
                throw new IllegalArgumentException("a read-only probe needs at least one mutating call to try");
            }
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(read, "read");
            Objects.requireNonNull(requestsAtServer, "requestsAtServer");
        }
    }

    /** The cloud whose resources the provider reads in these worlds. */
    protected abstract Cloud cloud();

    /** A world of at least two resources that can be listed, where every read of any of their facts is refused. */
    protected abstract World everyFactDenied() throws Exception;

    /** A world where one resource's answers are broken (malformed, unexpected) and the others are healthy. */
    protected abstract World oneBrokenResource() throws Exception;

    /**
     * The read-only proof; null for a provider that makes no network call at all (a file reader), which skips that
     * test with the reason.
     */
    protected abstract ReadOnlyProbe readOnlyProbe() throws Exception;

    /** The facts the contract asks for; every fact the cloud declares unless a subclass narrows it. */
    protected Set<Fact> factsToAskFor() {
        return cloud().facts();
    }

    /**
     * Whether the provider reads only the facts it is asked for; a file reader that holds what was collected
     * earlier answers false, which skips that test with the reason.
     */
    protected boolean readsOnlyTheFactsAskedFor() {
        return true;
    }

    /** The trust zone for the verdicts: the owner only. */
    protected TrustZone trust() {
        return TrustZone.OWNER_ONLY;
    }

    private Inventory collect(World world, Set<Fact> facts) {
        return world.provider().collect(FactSelection.only(cloud().id(), facts), Progress.NONE);
    }

    private static List<String> ids(Inventory inv) {
        return inv.resources().stream().map(Resource::id).toList();
    }

    @Test
    void everyDeniedFactIsUnknownNamingTheCallAndThePermission() throws Exception {
        World world = everyFactDenied();
        assertTrue(world.expectedIds().size() >= 2, "the denied world holds at least two resources");
        Inventory inv = collect(world, factsToAskFor());
        assertEquals(world.expectedIds(), ids(inv), "every resource is listed even though its facts are refused");
        List<String> problems = new ArrayList<>();
        for (Resource r : inv.resources()) {
            for (Fact f : new TreeSet<>(factsToAskFor())) {
                if (r.knows(f)) {
                    problems.add(r.ref() + ": " + f + " is known although every read was refused");
                    continue;
                }
                Unknown u = r.whyUnknown(f).orElseThrow();
                if (!r.collected().contains(f)) {
                    problems.add(r.ref() + ": " + f + " was asked for and neither read nor reported as unknown");
                } else if (blank(u.call()) || blank(u.permission()) || blank(u.error())) {
                    problems.add(r.ref() + ": " + f + " is unknown without its call, permission and error: " + u);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aResourceWhoseFactsAreRefusedHasNoGrantAnUnknownVerdictAndNoPass() throws Exception {
        World world = everyFactDenied();
        Inventory inv = collect(world, factsToAskFor());
        assertFalse(inv.resources().isEmpty(), "the denied world lists its resources");
        List<Rule> rules = RuleSet.discover().rules().stream()
                .filter(rule -> rule.metadata().appliesTo(cloud().id())).toList();
        List<String> problems = new ArrayList<>();
        for (Resource r : inv.resources()) {
            if (!r.grants().isEmpty()) {
                problems.add(r.ref() + ": grants read from refused facts: " + r.grants());
            }
            Verdict verdict = cloud().verdict(r, trust());
            if (verdict.exposure() != Exposure.UNKNOWN) {
                problems.add(r.ref() + ": verdict " + verdict.exposure() + " with every fact refused: "
                        + verdict.reasons());
            }
            RuleContext context = RuleTestKit.context(r, ScanParameters.DEFAULTS);
            if (context.readAudit().recorded() == ReadsRecorded.NO) {
                problems.add(r.ref() + ": reads recorded NO with every fact refused: "
                        + context.readAudit().explanation());
            }
            for (Rule rule : rules) {
                Outcome o = Scanner.decide(rule, r, verdict, context);
                if (o.status() == Outcome.Status.PASS) {
                    problems.add(r.ref() + ": " + rule.metadata().id() + " passes with every fact refused: "
                            + o.message());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void oneBrokenResourceDoesNotStopTheOthers() throws Exception {
        World world = oneBrokenResource();
        String broken = Objects.requireNonNull(world.brokenId(), "oneBrokenResource() names its broken resource");
        assertTrue(world.expectedIds().size() >= 2, "the broken world holds healthy resources too");
        Inventory inv = collect(world, factsToAskFor());
        List<String> healthy = world.expectedIds().stream().filter(id -> !id.equals(broken)).toList();
        List<String> read = ids(inv);
        assertTrue(read.containsAll(healthy), "every healthy resource is read: " + read + ", expected " + healthy);
        for (Resource r : inv.resources()) {
            if (healthy.contains(r.id())) {
                assertTrue(factsToAskFor().stream().anyMatch(r::knows),
                        r.ref() + " is healthy and yet none of its facts was read: " + r.unknowns());
            }
        }
        boolean reportedAsResource = inv.resources().stream()
                .anyMatch(r -> r.id().equals(broken) && !r.unknowns().isEmpty());
        boolean reportedAsError = inv.errors().stream().map(ScanError::message).anyMatch(m -> m.contains(broken))
                || inv.errors().stream().map(ScanError::scope).anyMatch(s -> s != null && s.contains(broken));
        assertTrue(reportedAsResource || reportedAsError, "the broken resource '" + broken
                + "' is reported, with its unknowns or by a scan error naming it; errors: " + inv.errors());
    }

    @Test
    void onlyTheFactsAskedForAreCollected() throws Exception {
        Assumptions.assumeTrue(readsOnlyTheFactsAskedFor(), "this provider holds what was collected earlier");
        World world = everyFactDenied();
        Fact one = new TreeSet<>(factsToAskFor()).first();
        Inventory inv = collect(world, Set.of(one));
        assertEquals(world.expectedIds(), ids(inv));
        for (Resource r : inv.resources()) {
            assertEquals(Set.of(one), r.collected(), r.ref() + " was asked for " + one + " only");
        }
    }

    @Test
    void twoReadsOfTheSameWorldGiveTheSameResources() throws Exception {
        World world = everyFactDenied();
        Inventory first = collect(world, factsToAskFor());
        Inventory second = collect(world, factsToAskFor());
        assertEquals(first.resources(), second.resources());
        assertEquals(first.errors(), second.errors());
    }

    @Test
    void mutatingCallsAreRefusedBeforeTheyAreSent() throws Throwable {
        ReadOnlyProbe probe = readOnlyProbe();
        Assumptions.assumeTrue(probe != null, "this provider makes no network call: nothing to send");
        long before = probe.requestsAtServer().getAsLong();
        for (Map.Entry<String, Executable> call : new java.util.TreeMap<>(probe.mutatingCalls()).entrySet()) {
            try {
                call.getValue().execute();
                fail(call.getKey() + " was not refused");
            } catch (Throwable t) {
                if (!causedBy(t, probe.refusal())) {
                    fail(call.getKey() + " failed, but not by the read-only guard (" + probe.refusal().getSimpleName()
                            + "): " + t);
                }
            }
        }
        assertEquals(before, probe.requestsAtServer().getAsLong(), "no mutating request reached the server");
        probe.read().execute();
        assertNotEquals(before, probe.requestsAtServer().getAsLong(),
                "a read through the same clients reaches the server: the guard is not a dead client");
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
