package io.governanceledger.query;

import io.governanceledger.ledger.VerifyCommand;
import io.governanceledger.query.rebuild.RebuildCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The read side: projects the event store into PostgreSQL tables and answers queries from them. */
@SpringBootApplication
public class QueryServiceApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("rebuild")) {
            System.exit(RebuildCommand.run(args, System.out));
        }
        VerifyCommand.exitIfAsked(args);
        application().run(args);
    }

    /** Its own configuration file name, so both services can share one JVM in end-to-end tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=query-service");
    }
}
