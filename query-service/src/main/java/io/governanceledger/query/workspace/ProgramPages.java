package io.governanceledger.query.workspace;

import io.governanceledger.query.pointintime.AsOf;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.programs.FindProgramQuery;
import io.governanceledger.query.programs.ProgramView;
import io.governanceledger.support.time.BusinessClock;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriUtils;

/**
 * What every page of one program does first: find the program at the page's point (or answer "not
 * found", as the API does) and put it and the point in the model; and how a form's answer becomes the
 * next page.
 */
@Component
@ConditionalOnWorkspace
public class ProgramPages {

    private final QueryGateway queries;
    private final BusinessClock clock;

    ProgramPages(QueryGateway queries, BusinessClock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The program at {@code point}, in the model with the point, or "not found". */
    public ProgramView at(PointInTime point, String programId, Model model) {
        ProgramView program = queries.query(
                        new FindProgramQuery(programId, point), ResponseTypes.optionalInstanceOf(ProgramView.class))
                .join()
                .orElseThrow(() -> point.unknownProgram(programId));
        model.addAttribute("travel", TimeTravel.of(point, clock));
        model.addAttribute("program", program);
        return program;
    }

    /**
     * A compare page: one record of the program at the two points the fields name, described by
     * {@code describe} (its fields and events), titled by {@code title} (or {@code fallbackTitle} where it
     * exists at neither point), with a link {@code back} to the record.
     */
    public <T> String compare(
            String programId,
            PointInTime point,
            Comparison.Points points,
            Model model,
            java.util.function.Function<PointInTime, java.util.Optional<T>> find,
            java.util.function.Consumer<Comparison.Of<T>> describe,
            java.util.function.Function<T, String> title,
            String fallbackTitle,
            String back) {
        PointInTime a = points.a(clock);
        PointInTime b = points.b(clock);
        at(point, programId, model);
        Comparison.Of<T> record = new Comparison.Of<>(find.apply(a), find.apply(b));
        describe.accept(record);
        model.addAttribute("comparison", record.at(a, b));
        model.addAttribute("recordTitle", record.latest().map(title).orElse(fallbackTitle));
        model.addAttribute("back", back);
        points.show(model, clock);
        return "workspace/compare";
    }

    /** Now, for a page shown again after a refused form. */
    public PointInTime now() {
        return PointInTime.of((AsOf) null, null, clock);
    }

    public BusinessClock clock() {
        return clock;
    }

    /** The page to show after a form's write: {@code path}, once the read models hold the write's last event. */
    public static String shown(String path, CommandRelay.Outcome outcome) {
        return "redirect:" + path + (outcome.eventId() == null ? "" : "?readAfter=" + segment(outcome.eventId()));
    }

    /** A refused form answers with the API's status (502 if the command service did not answer). */
    public static void refused(HttpServletResponse response, CommandRelay.Outcome outcome) {
        response.setStatus(outcome.status() == 0 ? HttpServletResponse.SC_BAD_GATEWAY : outcome.status());
    }

    /** A path of the program's pages or of the API: {@code /<root>/<programId>/<part>/...}, each part encoded. */
    public static String path(String root, String programId, String... parts) {
        StringBuilder path = new StringBuilder(root).append('/').append(segment(programId));
        for (String part : parts) {
            path.append('/').append(segment(part));
        }
        return path.toString();
    }

    public static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
