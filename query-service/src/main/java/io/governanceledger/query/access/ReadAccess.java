package io.governanceledger.query.access;

import io.governanceledger.query.pointintime.RequestedPoint;
import io.governanceledger.support.access.GrantDecider;
import io.governanceledger.support.access.GrantTable;
import io.governanceledger.support.time.BusinessClock;
import io.governanceledger.support.web.RecordNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a caller may read now, from the "access" read model: the roles on a program, and which programs
 * a list may show. A grant takes effect here once this service has taken its event in; a client that
 * must see it at once sends the grant's {@code Ledger-Event-Id} as {@code Ledger-Read-After}.
 */
@Component
public class ReadAccess extends GrantDecider {

    ReadAccess(JdbcClient jdbc, BusinessClock clock) {
        super(new GrantTable(jdbc, ""), clock);
    }

    @Override
    public RuntimeException programHidden(String programId, HttpServletRequest request) {
        return RequestedPoint.of(request)
                .map(point -> RecordNotFoundException.unknownProgram(
                        programId, point.asOf().value(), point.knownAt().value()))
                .orElseGet(() -> RecordNotFoundException.unknownProgram(programId, null, null));
    }
}
