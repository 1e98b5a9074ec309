package io.governanceledger.system.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.system.Bodies;
import io.governanceledger.system.Http;
import io.governanceledger.system.LedgerSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A workspace test in real browsers against the shared system: each browser a person signed in at the
 * test issuer, all closed after the test. Skipped, saying why, where Chromium is not installed.
 */
@ExtendWith(Browser.Installed.class)
abstract class BrowserTest {

    static LedgerSystem system;
    static Http commands;
    private final List<Browser> open = new ArrayList<>();

    @BeforeAll
    static void startSystem() {
        system = LedgerSystem.shared();
        commands = system.startedCommands();
    }

    @AfterEach
    void closeBrowsers() {
        open.forEach(Browser::close);
        open.clear();
    }

    /** The workspace's address on the loopback address, where the issuer sends people back on any port. */
    static String workspace() {
        return "http://127.0.0.1:" + system.queryContext().getEnvironment().getRequiredProperty("local.server.port");
    }

    /** A new browser in {@code language}, signed in as {@code account}, showing {@code page}. */
    Browser signedIn(String account, String page, String language) {
        Browser browser = Browser.open(language);
        open.add(browser);
        return browser.signIn(workspace() + page, account);
    }

    Browser signedIn(String account, String page) {
        return signedIn(account, page, "en");
    }

    static String newProgram() {
        String id = "W-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(commands.post("pmo", "/api/programs", Bodies.program(id)).status())
                .isEqualTo(201);
        return id;
    }
}
