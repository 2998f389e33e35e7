package dev.bucketguard.example.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bucketguard.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real command line with the toy module on its class path: {@code bucketguard scan snapshot} judges the fourth
 * cloud, lists its rule, and fails the pipeline on its public shelf, with no CLI or core file naming it.
 */
class ToyCloudCliTest {
    private record Run(int code, String out, String err) {
    }

    private static Run bucketguard(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), false, args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String snapshot() throws URISyntaxException {
        return Path.of(ToyCloudCliTest.class.getResource("/library.snapshot.json").toURI()).toString();
    }

    @Test
    void scanSnapshotJudgesTheToyShelvesAndFailsOnTheOpenOne() throws URISyntaxException {
        Run r = bucketguard("scan", "snapshot", snapshot(), "--rules", "toy.*");

        assertEquals(4, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("the door of shelf open-shelf is unlocked"), r.out());
        assertTrue(r.out().contains("toy.shelf.unlocked"), r.out());
        assertTrue(r.out().contains("1 public"), r.out());
    }

    @Test
    void theToyRuleIsListedWithTheBuiltInOnes() {
        Run r = bucketguard("rules", "list");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("toy.shelf.unlocked"), r.out());
        assertTrue(r.out().contains("aws.s3.public-policy"), r.out());
    }
}
