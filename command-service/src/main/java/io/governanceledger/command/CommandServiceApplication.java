package io.governanceledger.command;

import io.governanceledger.support.ledger.VerifyCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The write side: accepts commands over HTTP, checks them against the aggregates, appends events. */
@SpringBootApplication
public class CommandServiceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("verify") || args[0].equals("restore"))) {
            System.exit(VerifyCommand.run(args, System.out));
        }
        application().run(args);
    }

    /** Its own configuration file name, so both services can share one JVM in end-to-end tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=command-service");
    }
}
