package io.governanceledger.support.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers (a URL it will not decode, such as {@code %2F} or {@code %00}, a request
 * line or headers over its limits) never reach Spring: this valve writes them as problem+json instead
 * of Tomcat's HTML page, so that a client sees one error format whatever refused its request.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String rule = ProblemResponses.ruleFor(status);
        String detail = status >= 500
                ? "The request failed on the server; nothing was stored."
                : "The request was refused before it reached the ledger: the server could not read it "
                        + "(a path with an encoded '/' or NUL, a malformed URL, or a request line or headers over the "
                        + "size limit).";
        String body = "{\"type\":\"" + ProblemResponses.TYPE_PREFIX + rule + "\",\"title\":\"" + reason(status)
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"rule\":\"" + rule + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already under way: nothing more to say
        }
    }

    private static String reason(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
