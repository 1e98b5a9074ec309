package io.governanceledger.devtools.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service (command, query, or the local issuer) run from its executable jar as a child process, as in production. */
public final class ServiceProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The executable jar a module's build left in its {@code target} folder. */
    public static Path jar(Path root, String module) throws IOException {
        try (var files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no " + module + " jar: build first with " + "./mvnw -DskipTests install"));
        }
    }

    /**
     * Starts {@code jar} on {@code port} against the database at {@code jdbcUrl}, in {@code workingDirectory}
     * (where its {@code .ledger} state goes), with its output in {@code log}.
     */
    public static ServiceProcess start(
            Path jar,
            int port,
            String jdbcUrl,
            String user,
            String password,
            Path workingDirectory,
            Path log,
            Map<String, String> environment)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The heap and malloc arenas that keep a service's resident memory within its limit while the
        // query service catches up with a large backlog: a larger heap let G1 hold it at its limit plus
        // its own overhead, the serial collector spent its time collecting; glibc grows one arena per
        // thread that allocates natively (the JIT, the driver). The measurements: docs/performance.md.
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx192m", "-jar", jar.toString())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .putAll(Map.of(
                        "MALLOC_ARENA_MAX", "2",
                        "PORT", String.valueOf(port),
                        "SPRING_DATASOURCE_URL", jdbcUrl,
                        "SPRING_DATASOURCE_USERNAME", user,
                        "SPRING_DATASOURCE_PASSWORD", password));
        builder.environment().putAll(environment);
        return new ServiceProcess(builder.start(), port, log);
    }

    /**
     * Starts an executable jar that needs no database (the local issuer) on {@code port}, with
     * {@code arguments} on its command line.
     */
    public static ServiceProcess startWithoutDatabase(
            Path jar, int port, Path workingDirectory, Path log, List<String> arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("MALLOC_ARENA_MAX", "2", "PORT", String.valueOf(port)));
        return new ServiceProcess(builder.start(), port, log);
    }

    /** Waits until the service answers its readiness probe. */
    public ServiceProcess awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service on port " + port + " stopped during start-up; see " + log);
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("service on port " + port + " not ready after " + timeout + "; see " + log);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The peak resident set size so far, in bytes (Linux: VmHWM), if the system tells it. */
    public Optional<Long> peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone
        }
        return Optional.empty();
    }

    /** Stops the service as Ctrl-C would, and waits for it. */
    public void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
