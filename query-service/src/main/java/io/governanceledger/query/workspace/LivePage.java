package io.governanceledger.query.workspace;

import io.governanceledger.support.security.AccessDecider;
import io.governanceledger.support.security.Caller;
import io.governanceledger.support.security.Requires;
import io.governanceledger.support.security.Right;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The stream a page at "now" follows (Server-Sent Events): one program's, or the portfolio's. The
 * grants are checked when the stream opens, like any request; a program one may not see is "not found".
 */
@RestController
@ConditionalOnWorkspace
class LivePage {

    private static final Duration OPEN_FOR = Duration.ofMinutes(10);

    private final LiveUpdates live;
    private final AccessDecider access;

    LivePage(LiveUpdates live, AccessDecider access) {
        this.live = live;
        this.access = access;
    }

    @GetMapping(value = "/workspace/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Requires(Right.SIGNED_IN)
    SseEmitter follow(@RequestParam(required = false) String programId, HttpServletRequest request) {
        Caller caller = Caller.current();
        if (programId != null) {
            if (!Right.READ_PROGRAM.heldBy(access.rolesOn(caller, programId))) {
                throw access.programHidden(programId, request);
            }
            return live.follow(Set.of(programId), OPEN_FOR);
        }
        return live.follow(
                access.programsWhere(caller, Right.READ_PROGRAM.roles()).orElse(null), OPEN_FOR);
    }
}
