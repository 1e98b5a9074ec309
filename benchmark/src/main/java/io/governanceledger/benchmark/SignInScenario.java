package io.governanceledger.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Scenario 8: what signing in costs a read. The same read of one program, checked against the
 * caller's grants, asked alternately with an access token of the issuer (a signature check) and with
 * HTTP Basic against a bcrypt password (the login the services had before, cached after the first
 * check), by the same person; the readiness probe, which needs no sign-in, is the floor.
 */
final class SignInScenario extends Scenario {

    SignInScenario(Context context) {
        super(context);
    }

    void signIn() throws Exception {
        log("8 sign-in: a program read with a token, with cached Basic, and the unauthenticated floor ...");
        String program = "SIGN-IN-1";
        api.command("benchmark", "/api/programs", """
                {"programId": "%s", "name": "Sign-in", "sponsor": "Board", "startDate": "2026-01-01",
                 "plannedEndDate": "2030-12-31", "currency": "EUR"}""".formatted(program));
        String path = "/api/programs/" + program;
        String token = "Bearer " + api.token("viewer");
        String basic = "Basic " + Base64.getEncoder().encodeToString("viewer:viewer".getBytes(StandardCharsets.UTF_8));
        int warmUp = settings.mode().equals("quick") ? 300 : 1000;
        int measured = settings.mode().equals("quick") ? 3000 : 20000;
        Latencies withToken = new Latencies();
        Latencies withBasic = new Latencies();
        Latencies floor = new Latencies();
        for (int i = 0; i < warmUp; i++) {
            api.queryWith(token, path);
            api.queryWith(basic, path);
        }
        runCount(measured, 4, client -> {
            long started = System.nanoTime();
            require(api.queryWith(token, path));
            withToken.add(System.nanoTime() - started);
            started = System.nanoTime();
            require(api.queryWith(basic, path));
            withBasic.add(System.nanoTime() - started);
            started = System.nanoTime();
            api.queryProbe();
            floor.add(System.nanoTime() - started);
        });
        for (int percentile : new int[] {50, 99}) {
            results.add(new Result(
                    "8 sign-in",
                    "p" + percentile + " program read, access token",
                    "ms",
                    withToken.millis(percentile),
                    "the same read with cached Basic (bcrypt)",
                    withBasic.millis(percentile),
                    false,
                    Double.NaN,
                    1.2,
                    percentile == 50
                            ? measured
                                    + " reads each, 4 clients, alternating; grants checked on both; floor (readiness "
                                    + "probe, no sign-in) p50 " + String.format("%.2f", floor.millis(50)) + " ms"
                            : null));
        }
    }

    private static void require(Api.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("read answered " + answer.status() + ": " + answer.body());
        }
    }
}
