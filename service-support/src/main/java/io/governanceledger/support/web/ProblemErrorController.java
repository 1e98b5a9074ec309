package io.governanceledger.support.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside the controllers (a request the firewall rejects, such as a path with "//", or
 * one the servlet container refuses) reach "/error"; they get problem+json like every other error.
 */
@RestController
@Hidden // the servlet container's error dispatch, not an operation of the API
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not forwarded by the container: there is no such operation
            code = HttpStatus.NOT_FOUND.value();
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String rule = ProblemResponses.ruleFor(status.value());
        String detail = status.is5xxServerError()
                ? "The request failed on the server; nothing was stored."
                : "The request was refused before it reached the ledger: "
                        + status.getReasonPhrase().toLowerCase() + ".";
        ProblemDetail problem = ProblemResponses.problem(status, rule, detail);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            problem.setProperty("path", path.toString());
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
