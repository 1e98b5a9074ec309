package io.governanceledger.command.access;

import io.governanceledger.command.deadlines.SystemAction;
import io.governanceledger.events.LedgerMetaData;
import io.governanceledger.events.access.AccessRole;
import io.governanceledger.events.access.AccessScope;
import io.governanceledger.events.access.Grantee;
import io.governanceledger.events.access.GranteeKind;
import io.governanceledger.support.time.BusinessClock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first administrator, configured at install ({@code ledger.access.bootstrap-administrator}):
 * recorded on a ledger that holds no grant yet (a new one, or one kept before grants existed), by the
 * ledger itself, as a portfolio-wide program administrator, so the record shows where every later
 * grant's authority comes from. Once any grant exists the setting changes nothing: grants come from
 * administrators. Its grant id is fixed, so two instances starting together record it once. The
 * example value of {@code .env.example} is refused, so no install runs with it.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

    static final String GRANT_ID = "grant-bootstrap-administrator";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final String subject;
    private final GrantRecords grants;
    private final CommandGateway commands;
    private final BusinessClock clock;

    BootstrapAdministrator(
            @Value("${ledger.access.bootstrap-administrator:}") String subject,
            GrantRecords grants,
            CommandGateway commands,
            BusinessClock clock) {
        this.subject = subject.strip();
        this.grants = grants;
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (subject.isEmpty()) {
            return;
        }
        if (subject.equals("replace-me")) {
            throw new IllegalStateException(
                    "ledger.access.bootstrap-administrator (LEDGER_BOOTSTRAP_ADMINISTRATOR) still "
                            + "holds the example value 'replace-me': set it to the subject of your first administrator's tokens");
        }
        if (grants.any()) {
            if (!grants.exists(GRANT_ID)) {
                log.info("Grants exist already: ledger.access.bootstrap-administrator is not recorded");
            }
            return;
        }
        String correlationId = UUID.randomUUID().toString();
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new GrantAccessCommand(
                            GRANT_ID,
                            AccessScope.PORTFOLIO,
                            null,
                            new Grantee(GranteeKind.PERSON, subject),
                            AccessRole.PROGRAM_ADMINISTRATOR,
                            clock.today(),
                            null,
                            Set.of()))
                    .andMetaData(MetaData.from(Map.of(
                            LedgerMetaData.ACTOR,
                            SystemAction.ACTOR,
                            LedgerMetaData.PROGRAM_ID,
                            LedgerMetaData.PORTFOLIO,
                            LedgerMetaData.REASON,
                            "Bootstrap administrator configured at install "
                                    + "(ledger.access.bootstrap-administrator)",
                            LedgerMetaData.CORRELATION_ID,
                            correlationId))));
            log.info("Recorded the bootstrap administrator '{}' (portfolio-wide PROGRAM_ADMINISTRATOR)", subject);
        } catch (RuntimeException alreadyThere) {
            if (!grants.exists(GRANT_ID)) {
                throw alreadyThere;
            }
        }
    }
}
