package io.governanceledger.command;

import io.governanceledger.ledger.VerifyCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The write side: accepts commands over HTTP, checks them against the aggregates, appends events. */
@SpringBootApplication
public class CommandServiceApplication {

    public static void main(String[] args) {
        VerifyCommand.exitIfAsked(args);
        application().run(args);
    }

    /** Its own configuration file name, so both services can share one JVM in end-to-end tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=command-service");
    }
}
