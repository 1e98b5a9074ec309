package io.governanceledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.query.ProjectionDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadModelsTest {

    @Test
    void everyTableOfTheProjectionsSchemaBelongsToExactlyOneReadModel() {
        List<String> tables = ProjectionDatabase.create()
                .jdbc()
                .sql("SELECT tablename FROM pg_tables WHERE schemaname = 'projections'")
                .query(String.class)
                .list();
        List<String> owned = new ArrayList<>();
        ReadModels.TABLES.values().forEach(owned::addAll);
        assertThat(owned).doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>(owned);
        expected.addAll(ReadModels.INFRASTRUCTURE);
        assertThat(tables).containsExactlyInAnyOrderElementsOf(expected);
    }
}
