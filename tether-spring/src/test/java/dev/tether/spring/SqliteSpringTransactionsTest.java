package dev.tether.spring;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** {@link SpringTransactionsContract} on Sqlite ({@code TestDatabase.SQLITE}). */
@SpringJUnitConfig(SpringTestApp.class)
@TestPropertySource(properties = "tether.test.target=SQLITE")
@DirtiesContext
class SqliteSpringTransactionsTest extends SpringTransactionsContract {}
