package io.crossbill.delivery.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossbill.delivery.soak.CrashRunner;
import io.crossbill.engine.api.IdempotencyKey;
import io.crossbill.store.AuditTrail;
import io.crossbill.store.EngineDatabase;
import io.crossbill.store.ExceptionFilter;
import io.crossbill.store.Outbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, reliability: a separate JVM takes in and delivers N records to a real HTTP server on
 * 127.0.0.1 (which fails now and then, sometimes after creating the record) and is killed with SIGKILL
 * at random moments, several times, and restarted. In the end every record has exactly one effect in
 * the target, nothing is missing from inbox, outbox or exception queue, and the audit chain verifies.
 * <p>
 * The default is the full size, 100,000 records and five kills (about two minutes on two cores);
 * {@code -Dcrossbill.crash.records=N -Dcrossbill.crash.kills=K} to change it.
 */
class CrashTest {

    private static final int RECORDS = Integer.getInteger("crossbill.crash.records", 100_000);
    private static final int KILLS = Integer.getInteger("crossbill.crash.kills", 5);
    private static final long SEED = Long.getLong("crossbill.crash.seed", System.nanoTime());

    @TempDir
    Path workspace;

    @Test
    void killedAtRandomItStillDeliversEveryRecordExactlyOnce() throws Exception {
        survivesKills(true, RECORDS, KILLS);
    }

    @Test
    void withoutIdempotencyKeysLookUpBeforeResendingKeepsItExactlyOnce() throws Exception {
        survivesKills(false, Math.max(1_000, RECORDS / 4), Math.max(3, KILLS - 2));
    }

    private void survivesKills(boolean keyed, int n, int kills) throws Exception {
        Random random = new Random(SEED);
        String classpath = ChildClasspath.of(CrashRunner.class, io.crossbill.engine.IngestPipeline.class,
                EngineDatabase.class, IdempotencyKey.class,
                dev.failsafe.Failsafe.class, ObjectMapper.class, JsonFactory.class,
                ObjectMapper.class.getClassLoader().loadClass("com.fasterxml.jackson.annotation.JsonProperty"),
                org.h2.Driver.class);
        long started = System.nanoTime();
        int killed = 0;
        List<String> logs = new ArrayList<>();
        try (RecordServer server = new RecordServer(keyed).randomFaults(SEED, 0.01, 0.005)) {
            for (int run = 0;; run++) {
                Path log = workspace.resolve("run-" + run + ".log");
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m", "-cp", classpath, CrashRunner.class.getName(),
                        workspace.resolve("db").toString(), server.baseUri().toString(), Integer.toString(n),
                        keyed ? "key" : "lookup").redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (killed < kills) {
                    // kill while it works, not while the JVM starts: a random moment after its first progress
                    awaitProgress(child, log);
                    long waitMillis = random.nextInt(1_000 + n / 10); // 3 s at 20,000; 11 s at 100,000
                    if (!child.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                        child.destroyForcibly(); // SIGKILL
                        child.waitFor();
                        killed++;
                        logs.add("run " + run + ": " + firstLine(log) + "; killed " + waitMillis
                                + " ms into the work at " + lastLine(log));
                        continue;
                    }
                } else if (!child.waitFor(20, TimeUnit.MINUTES)) {
                    child.destroyForcibly();
                    fail("the last run did not finish in 20 minutes; " + lastLine(log));
                }
                String last = lastLine(log);
                logs.add("run " + run + ": " + firstLine(log) + "; exit " + child.exitValue() + ", " + last);
                if (child.exitValue() != 0) {
                    fail("run " + run + " failed:\n" + Files.readString(log));
                }
                if (last.startsWith("DONE")) {
                    break; // finished (possibly before the next kill could land)
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("crash test (%s): N=%d, kills=%d, %.1f s, %d writes received, seed %d%n%s%n",
                    keyed ? "idempotency key" : "look-up", n, killed, seconds, server.posts(), SEED,
                    String.join("\n", logs));

            assertTrue(killed >= 1, "no kill landed: " + logs);
            Map<String, Integer> doubled = server.doubled();
            assertTrue(doubled.isEmpty(), "records created twice: " + doubled);
            for (int i = 0; i < n; i++) {
                assertEquals(1, server.effects(CrashRunner.reference(i)), "effects of " + CrashRunner.reference(i));
            }
        }
        try (EngineDatabase db = EngineDatabase.open(workspace.resolve("db"))) {
            assertEquals(n, db.inbox().count(), "inbox");
            Map<Outbox.State, Long> states = db.outbox().countByState();
            assertEquals(n, states.get(Outbox.State.SENT) + states.get(Outbox.State.FAILED), "outbox " + states);
            assertEquals(0, states.get(Outbox.State.PENDING) + states.get(Outbox.State.CLAIMED), "outbox " + states);
            assertEquals((long) states.get(Outbox.State.FAILED), db.exceptions().count(ExceptionFilter.all()),
                    "every failed entry has its exception");
            AuditTrail.Verification audit = db.audit().verify();
            assertTrue(audit.intact(), audit.describe());
        }
    }

    private static void awaitProgress(Process child, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (child.isAlive() && System.nanoTime() < deadline) {
            if (Files.readString(log).contains("PROGRESS")) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static String firstLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "(no output)" : lines.get(0);
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
