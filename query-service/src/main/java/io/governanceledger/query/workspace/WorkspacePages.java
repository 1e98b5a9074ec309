package io.governanceledger.query.workspace;

import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The way in and the time-travel control's target: it turns what the control's fields say into a link. */
@Controller
@ConditionalOnWorkspace
class WorkspacePages {

    /** A page of the workspace, and nothing that could lead elsewhere ({@code //host}, {@code /\host}, ...). */
    private static final Pattern WORKSPACE_PATH = Pattern.compile("/workspace(/[A-Za-z0-9._~-]+)*");

    private final BusinessClock clock;

    WorkspacePages(BusinessClock clock) {
        this.clock = clock;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/workspace";
    }

    @GetMapping(WorkspaceConfiguration.SIGNED_OUT)
    String signedOut() {
        return "workspace/signed-out";
    }

    /**
     * The time-travel control: {@code asOf} a date, {@code knownAt} a date and time in the business zone
     * (as a {@code datetime-local} field gives it), {@code now} to go back to the present. Answers with a
     * link to the same page at that point; a field that is not a date, or a point of knowledge in the
     * future, leaves the point as it was and says so.
     */
    @GetMapping("/workspace/travel")
    @Requires(Right.SIGNED_IN)
    String travel(
            @RequestParam(defaultValue = "/workspace") String to,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String now) {
        String page = WORKSPACE_PATH.matcher(to).matches() ? to : "/workspace";
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(page);
        if (now == null) {
            String refused = null;
            if (asOf != null && !asOf.isBlank()) {
                try {
                    link.queryParam("asOf", LocalDate.parse(asOf.strip()));
                } catch (DateTimeParseException notADate) {
                    refused = "asOf";
                }
            }
            if (knownAt != null && !knownAt.isBlank()) {
                try {
                    Instant instant = LocalDateTime.parse(knownAt.strip())
                            .atZone(clock.zone())
                            .toInstant();
                    if (instant.isAfter(clock.now())) {
                        refused = "knownAt";
                    } else {
                        link.queryParam("knownAt", instant);
                    }
                } catch (DateTimeParseException notAnInstant) {
                    refused = "knownAt";
                }
            }
            if (refused != null) {
                link.queryParam("travelRefused", refused);
            }
        }
        return "redirect:" + link.encode().build().toUriString();
    }
}
