package io.governanceledger.query.workspace;

import io.governanceledger.query.audit.FindRecordingMarksQuery;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The way in and the time-travel control's target: it turns what the control's fields say into a link. */
@Controller
@ConditionalOnWorkspace
class WorkspacePages {

    /** A page of the workspace, and nothing that could lead elsewhere ({@code //host}, {@code /\host}, ...). */
    private static final Pattern WORKSPACE_PATH = Pattern.compile("/workspace(/[A-Za-z0-9._~-]+)*");

    private final BusinessClock clock;
    private final QueryGateway queries;

    WorkspacePages(BusinessClock clock, QueryGateway queries) {
        this.clock = clock;
        this.queries = queries;
    }

    /**
     * The slider's marks for a program: the last recording instant of each day its history was written,
     * as a fragment the time-travel control loads when the person opens it.
     */
    @GetMapping("/workspace/programs/{programId}/marks")
    @Requires(Right.READ_PROGRAM)
    String marks(@PathVariable String programId, Model model) {
        List<Instant> marks = queries.query(
                        new FindRecordingMarksQuery(programId, clock.zone().getId()),
                        ResponseTypes.multipleInstancesOf(Instant.class))
                .join();
        model.addAttribute(
                "marks",
                marks.stream()
                        .map(mark -> new Mark(
                                mark,
                                LocalDateTime.ofInstant(
                                                mark.truncatedTo(ChronoUnit.SECONDS)
                                                        .plusSeconds(1),
                                                clock.zone())
                                        .toString()))
                        .toList());
        return "workspace/marks :: slider";
    }

    /** A mark: when, and the {@code datetime-local} value that shows everything recorded by then. */
    record Mark(Instant at, String input) {}

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
            PointFields.date(asOf).ifPresent(date -> link.queryParam("asOf", date));
            PointFields.knownAt(knownAt, clock).ifPresent(instant -> link.queryParam("knownAt", instant));
            if (PointFields.refusedDate(asOf) || PointFields.refusedKnownAt(knownAt, clock)) {
                link.queryParam("travelRefused", PointFields.refusedDate(asOf) ? "asOf" : "knownAt");
            }
        }
        return "redirect:" + link.encode().build().toUriString();
    }
}
