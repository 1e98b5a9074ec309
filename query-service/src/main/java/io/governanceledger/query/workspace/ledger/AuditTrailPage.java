package io.governanceledger.query.workspace.ledger;

import io.governanceledger.query.audit.AuditTrailView;
import io.governanceledger.query.audit.FindAuditTrailQuery;
import io.governanceledger.query.pointintime.PointInTime;
import io.governanceledger.query.workspace.ConditionalOnWorkspace;
import io.governanceledger.query.workspace.ProgramPages;
import io.governanceledger.support.security.AccessInterceptor;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import io.governanceledger.support.web.RecordNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A program's audit trail: every event in ledger order with who, when recorded, from when effective and
 * why, filtered by record kind, record, actor, correlation, and ranges on both clocks (dates and times
 * in the business zone, as the fields give them). Grants appear only to those who may see who has access.
 */
@Controller
@ConditionalOnWorkspace
class AuditTrailPage {

    static final int PAGE_SIZE = 100;
    static final List<String> KINDS = List.of(
            "PROGRAM",
            "DECISION",
            "BUDGET_LINE",
            "BUDGET_MOVEMENT",
            "DELEGATION",
            "CONTRACT",
            "CONTRACT_AMENDMENT",
            "CALL_OFF",
            "ACCESS_GRANT",
            "DEPUTY_APPOINTMENT",
            "CHANGE_REQUEST",
            "MILESTONE",
            "SCOPE_ITEM",
            "BASELINE",
            "TOLERANCES",
            "EXCEPTION",
            "OTHER");

    private final QueryGateway queries;
    private final ProgramPages pages;

    AuditTrailPage(QueryGateway queries, ProgramPages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    /** The filters as the form's fields give them: recorded as date and time, effective as dates. */
    record Filters(
            String kind,
            String recordId,
            String actor,
            String correlationId,
            String recordedFrom,
            String recordedTo,
            String effectiveFrom,
            String effectiveTo) {

        String blank(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GetMapping("/workspace/programs/{programId}/audit")
    @Requires(Right.READ_PROGRAM)
    String trail(
            @PathVariable String programId,
            @ModelAttribute("filters") Filters filters,
            @RequestParam(defaultValue = "0") int page,
            PointInTime point,
            Model model,
            HttpServletRequest request) {
        pages.at(point, programId, model);
        ZoneId zone = pages.clock().zone();
        String kind = filters.kind() != null && KINDS.contains(filters.kind()) ? filters.kind() : null;
        int from = Math.max(0, page);
        AuditTrailView trail = queries.query(
                        new FindAuditTrailQuery(
                                programId,
                                kind,
                                filters.blank(filters.recordId()),
                                filters.blank(filters.actor()),
                                filters.blank(filters.correlationId()),
                                instant(filters.recordedFrom(), zone),
                                instant(filters.recordedTo(), zone),
                                startOf(filters.effectiveFrom(), zone),
                                startOf(filters.effectiveTo(), zone),
                                from * PAGE_SIZE,
                                PAGE_SIZE,
                                point,
                                Right.READ_ACCESS.heldBy(AccessInterceptor.rolesHeld(request))),
                        ResponseTypes.optionalInstanceOf(AuditTrailView.class))
                .join()
                .orElseThrow(() -> RecordNotFoundException.unknownProgram(programId, null, null));
        model.addAttribute("trail", trail);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("page", from);
        model.addAttribute("pages", Math.max(1, (trail.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "workspace/ledger/audit";
    }

    /** A date and time of a {@code datetime-local} field, in the business zone; what is not one is no filter. */
    private static Instant instant(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    private static Instant startOf(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
