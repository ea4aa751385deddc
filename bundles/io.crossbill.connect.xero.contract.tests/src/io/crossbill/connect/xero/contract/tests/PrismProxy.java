package io.crossbill.connect.xero.contract.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code prism proxy <spec> <upstream> --errors} child process on 127.0.0.1: it validates every request
 * against the spec before forwarding it to the upstream (the sandbox) and every answer before handing it back.
 * With {@code --errors} a request that breaks the spec is answered 422 (never forwarded) and an answer that
 * breaks it becomes 500; lesser findings travel in the {@code sl-violations} response header.
 * <p>
 * Prism's output goes to a file, so a failing test can quote it ({@link #output()}); start-up takes several
 * seconds, so a test class starts one proxy per spec and {@link #close() closes} it at the end.
 */
final class PrismProxy implements AutoCloseable {
    /** The system property that names the Prism executable (set by the parent pom for tycho-surefire). */
    static final String PRISM_PROPERTY = "crossbill.prism";
    /** The system property that names the folder of the specs (set by the parent pom). */
    static final String SPECS_PROPERTY = "crossbill.specs";

    private static final String INSTALL_HINT = "Install it with: cd releng/prism && npm ci (needs Node.js 18.20 or"
            + " newer; releng/test.sh and .ci/run do this), or point -D" + PRISM_PROPERTY + "=<path to prism> at an"
            + " existing installation.";

    private final String name;
    private final Process process;
    private final Path log;
    private final URI baseUrl;
    /** Stops Prism if the test JVM ends without {@link #close()} (a timeout, a kill): no node process outlives it. */
    private final Thread reaper;

    private PrismProxy(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.baseUrl = URI.create("http://127.0.0.1:" + port);
        this.reaper = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "prism-reaper-" + port);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts {@code prism proxy} for one spec in front of {@code upstream}; call {@link #awaitListening} before
     * use. Fails with installation advice when Prism is not there.
     */
    static PrismProxy start(String name, Path spec, URI upstream) throws IOException {
        Path prism = executable();
        if (!Files.isRegularFile(spec)) {
            throw new IllegalStateException("The " + name + " spec is missing at " + spec + "; the contract tests"
                    + " read the specs from releng/specs/ (-D" + SPECS_PROPERTY + ").");
        }
        int port = freePort();
        Path log = Files.createTempFile("prism-" + name + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder(prism.toString(), "proxy", spec.toString(), upstream.toString(),
                "--errors", "--port", Integer.toString(port), "--host", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("FORCE_COLOR", "0");
        return new PrismProxy(name, pb.start(), log, port);
    }

    /** Waits until Prism says it is listening; fails with its output if it stops or takes too long. */
    PrismProxy awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains("Prism is listening on " + baseUrl)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism (" + name + ") stopped with exit code " + process.exitValue()
                        + " before it listened on " + baseUrl + ". Its output:\n" + tail(40));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Prism (" + name + ") did not listen on " + baseUrl + " within "
                + timeout.toSeconds() + " s. Its output:\n" + tail(40));
    }

    /** e.g. {@code http://127.0.0.1:40123}: Prism serves the spec's paths without the vendor base path. */
    URI baseUrl() {
        return baseUrl;
    }

    /** Everything Prism printed so far. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Prism's validator findings so far (its {@code [VALIDATOR]} lines and errors), for failure messages. */
    List<String> validatorLines() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : output().split("\n")) {
            if (line.contains("VALIDATOR") || line.contains("Request terminated with error")) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private String tail(int lines) throws IOException {
        String[] all = output().split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file; the OS cleans it
        }
    }

    @Override
    public String toString() {
        return "PrismProxy[" + name + " at " + baseUrl + "]";
    }

    /** The Prism executable: {@code -Dcrossbill.prism}, else {@code releng/prism/node_modules/.bin/prism}. */
    static Path executable() {
        String configured = System.getProperty(PRISM_PROPERTY);
        Path prism = configured != null && !configured.isBlank() ? Path.of(configured)
                : fromRepository("releng/prism/node_modules/.bin/prism");
        if (prism == null) {
            throw new IllegalStateException("Prism (npm @stoplight/prism-cli) was not found: -D" + PRISM_PROPERTY
                    + " is not set and no releng/prism/node_modules/.bin/prism lies above " + workingDir() + ". "
                    + INSTALL_HINT);
        }
        if (!Files.isExecutable(prism)) {
            throw new IllegalStateException("Prism (npm @stoplight/prism-cli) is not installed at " + prism + ". "
                    + INSTALL_HINT);
        }
        return prism;
    }

    /** The folder of the specs: {@code -Dcrossbill.specs}, else {@code releng/specs} of the repository. */
    static Path specs() {
        String configured = System.getProperty(SPECS_PROPERTY);
        Path specs = configured != null && !configured.isBlank() ? Path.of(configured) : fromRepository("releng/specs");
        if (specs == null || !Files.isDirectory(specs)) {
            throw new IllegalStateException("The Xero specs were not found (-D" + SPECS_PROPERTY + "=" + configured
                    + ", and no releng/specs above " + workingDir() + "); they live in releng/specs/.");
        }
        return specs;
    }

    /** Looks for {@code relative} in the working directory and each folder above it. */
    private static Path fromRepository(String relative) {
        for (Path dir = workingDir(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path workingDir() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
