package dev.tether.spring;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** {@link SpringTransactionsContract} on Mariadb ({@code TestDatabase.MARIADB}). */
@SpringJUnitConfig(SpringTestApp.class)
@TestPropertySource(properties = "tether.test.target=MARIADB")
@DirtiesContext
class MariadbSpringTransactionsTest extends SpringTransactionsContract {}
