package de.kihub.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real migrations on an empty database and again on the migrated one: always on an H2 file
 * database, and also on PostgreSQL when KIHUB_DB_URL points to one (in a throw-away schema).
 */
class MigrationsTest {

    record Target(String name, String url, String user, String password) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Target> databases() throws Exception {
        List<Target> targets = new ArrayList<>();
        Path dir = Files.createTempDirectory(Path.of("target"), "h2-");
        targets.add(
                new Target("H2", "jdbc:h2:file:" + dir.toAbsolutePath() + "/kihub", "sa", "sa"));
        String url = System.getenv("KIHUB_DB_URL");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            targets.add(
                    new Target(
                            "PostgreSQL",
                            url,
                            System.getenv().getOrDefault("KIHUB_DB_USER", "postgres"),
                            System.getenv().getOrDefault("KIHUB_DB_PASSWORD", "")));
        }
        return targets.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migratesAnEmptyDatabaseAndLeavesAMigratedOneAlone(Target db) throws Exception {
        // unquoted identifiers fold to upper case on H2 and to lower case on PostgreSQL
        String random = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String schema =
                db.name().equals("H2")
                        ? random.toUpperCase(Locale.ROOT)
                        : random.toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            exec(c, "CREATE SCHEMA " + schema);
        }
        try {
            Flyway flyway =
                    Flyway.configure()
                            .dataSource(db.url(), db.user(), db.password())
                            .schemas(schema)
                            .locations("classpath:db/migration")
                            .load();

            MigrateResult first = flyway.migrate();
            assertTrue(first.success);
            assertEquals(12, first.migrationsExecuted, "migrations applied to the empty schema");
            assertEquals("12", first.targetSchemaVersion);

            MigrateResult second = flyway.migrate();
            assertTrue(second.success);
            assertEquals(0, second.migrationsExecuted, "nothing to do on a migrated schema");
            flyway.validate();

            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                exec(
                        c,
                        "INSERT INTO "
                                + schema
                                + ".tenant (id, display_name, kind, created_at)"
                                + " VALUES ('bochum', 'Stadt Bochum', 'MUNICIPALITY', CURRENT_TIMESTAMP)");
                exec(
                        c,
                        "INSERT INTO "
                                + schema
                                + ".audit_event (id, occurred_at, actor, tenant_id, action,"
                                + " object_type, object_id) VALUES ('"
                                + UUID.randomUUID()
                                + "', CURRENT_TIMESTAMP, 'mia.member', 'bochum',"
                                + " 'tenant.registered', 'tenant', 'bochum')");
                assertEquals(1, count(c, schema + ".audit_event"));
                // the schema's rules hold on both databases
                assertRejected(
                        c,
                        "INSERT INTO "
                                + schema
                                + ".tenant (id, display_name, kind, created_at)"
                                + " VALUES ('x', 'X', 'CASTLE', CURRENT_TIMESTAMP)");
                // V8: declared risk class and maturity are checked; usage starts at zero
                exec(c, insertModel(schema, "counter", "'MINIMAL'", "'PILOT'"));
                assertEquals(0, count(c, schema + ".model WHERE active_tenants <> 0"));
                assertRejected(c, insertModel(schema, "risky", "'EXTREME'", "NULL"));
                assertRejected(c, insertModel(schema, "early", "NULL", "'ALPHA'"));
                // V12: record revisions exist; the deployment row has the record columns
                assertEquals(0, count(c, schema + ".deployment_record_revision"));
                assertEquals(
                        0,
                        count(
                                c,
                                schema
                                        + ".deployment WHERE record_revision > 0 OR risk_class"
                                        + " IS NOT NULL OR record_details IS NOT NULL"));
                assertRejected(
                        c,
                        "INSERT INTO "
                                + schema
                                + ".audit_event (id, occurred_at, actor, tenant_id, action,"
                                + " object_type, object_id) VALUES ('"
                                + UUID.randomUUID()
                                + "', CURRENT_TIMESTAMP, 'x', 'no-such-tenant', 'a', 'b', 'c')");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                exec(c, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keepsCardsWrittenBeforeV11AsTheirFirstRevision(Target db) throws Exception {
        String random = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String schema =
                db.name().equals("H2")
                        ? random.toUpperCase(Locale.ROOT)
                        : random.toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            exec(c, "CREATE SCHEMA " + schema);
        }
        try {
            Flyway.configure()
                    .dataSource(db.url(), db.user(), db.password())
                    .schemas(schema)
                    .locations("classpath:db/migration")
                    .target("10")
                    .load()
                    .migrate();
            UUID version = UUID.randomUUID();
            UUID empty = UUID.randomUUID();
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                exec(
                        c,
                        "INSERT INTO "
                                + schema
                                + ".tenant (id, display_name, kind, created_at)"
                                + " VALUES ('bochum', 'Stadt Bochum', 'MUNICIPALITY', CURRENT_TIMESTAMP)");
                exec(c, insertModel(schema, "counter", "NULL", "NULL"));
                for (UUID v : new UUID[] {version, empty}) {
                    exec(
                            c,
                            "INSERT INTO "
                                    + schema
                                    + ".model_version (id, model_id, version, version_major,"
                                    + " version_minor, version_patch, status, created_at, created_by,"
                                    + " row_version) SELECT '"
                                    + v
                                    + "', id, '"
                                    + (v == version ? "1.0.0" : "2.0.0")
                                    + "', 1, 0, 0, 'DRAFT', CURRENT_TIMESTAMP, 'rita', 0 FROM "
                                    + schema
                                    + ".model");
                }
                for (String language : new String[] {"de", "en"}) {
                    exec(
                            c,
                            "INSERT INTO "
                                    + schema
                                    + ".model_card_section (version_id, section, language, markdown)"
                                    + " VALUES ('"
                                    + version
                                    + "', 'INTENDED_USE', '"
                                    + language
                                    + "', 'text "
                                    + language
                                    + "')");
                }
            }
            MigrateResult upgrade =
                    Flyway.configure()
                            .dataSource(db.url(), db.user(), db.password())
                            .schemas(schema)
                            .locations("classpath:db/migration")
                            .target("11")
                            .load()
                            .migrate();
            assertEquals(1, upgrade.migrationsExecuted, "V11 alone");
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                assertEquals(1, count(c, schema + ".model_card_revision"), "only the written card");
                assertEquals(
                        1,
                        count(
                                c,
                                schema
                                        + ".model_card_revision WHERE revision = 1 AND created_by ="
                                        + " 'rita' AND version_id = '"
                                        + version
                                        + "'"));
                assertEquals(
                        2,
                        count(
                                c,
                                schema
                                        + ".model_card_revision_section WHERE revision = 1 AND"
                                        + " section = 'INTENDED_USE'"));
                // revisions are numbered from 1 and belong to a revision row
                assertRejected(
                        c,
                        "INSERT INTO "
                                + schema
                                + ".model_card_revision (version_id, revision, created_at,"
                                + " created_by) VALUES ('"
                                + empty
                                + "', 0, CURRENT_TIMESTAMP, 'rita')");
                assertRejected(
                        c,
                        "INSERT INTO "
                                + schema
                                + ".model_card_revision_section (version_id, revision, section,"
                                + " language, markdown) VALUES ('"
                                + empty
                                + "', 1, 'FACTORS', 'de', 'x')");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                exec(c, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static String insertModel(
            String schema, String name, String riskClass, String maturity) {
        return "INSERT INTO "
                + schema
                + ".model (id, owner_id, name, display_name_de, display_name_en, task, domain,"
                + " license, visibility, created_at, created_by, updated_at, row_version,"
                + " risk_class, maturity) VALUES ('"
                + UUID.randomUUID()
                + "', 'bochum', '"
                + name
                + "', 'Zähler', 'Counter', 'people-counting', 'Mobilität', 'MIT', 'PRIVATE',"
                + " CURRENT_TIMESTAMP, 'rita', CURRENT_TIMESTAMP, 0, "
                + riskClass
                + ", "
                + maturity
                + ")";
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void assertRejected(Connection c, String sql) {
        SQLException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        SQLException.class, () -> exec(c, sql));
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).length() > 0);
    }
}
