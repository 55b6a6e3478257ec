package dev.tether.spring;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** {@link SpringTransactionsContract} on Postgresql ({@code TestDatabase.POSTGRESQL}). */
@SpringJUnitConfig(SpringTestApp.class)
@TestPropertySource(properties = "tether.test.target=POSTGRESQL")
@DirtiesContext
class PostgresqlSpringTransactionsTest extends SpringTransactionsContract {}
