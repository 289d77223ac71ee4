package org.drivesync.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

// The class shares one database: the first test sees it empty, the second after migration.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceDataMigrationTest {
  @RegisterExtension static final PostgresDatabaseExtension db = PostgresDatabaseExtension.empty();

  @Test
  @Order(1)
  void migratingLoadsFiveRegionsAnd127CouncilsAndIsThenCurrent() throws SQLException {
    assertThat(Migrations.isCurrent(db.flyway())).isFalse();

    db.flyway().migrate();

    assertThat(Migrations.isCurrent(db.flyway())).isTrue();
    assertThat(count("SELECT count(*) FROM regions")).isEqualTo(5);
    assertThat(count("SELECT count(*) FROM local_authorities")).isEqualTo(127);
    assertThat(
            count(
                "SELECT count(*) FROM local_authorities WHERE code = 'E08000025' AND region_code = 'E12000005'"))
        .as("Birmingham is in the West Midlands")
        .isEqualTo(1);
    assertThat(MigrationVersion.fromVersion(Migrations.currentVersion(db.flyway())))
        .isGreaterThanOrEqualTo(MigrationVersion.fromVersion("2026.11.28.3"));
  }

  @Test
  @Order(2)
  void appRoleCanReadReferenceDataButNotChangeIt() throws SQLException {
    try (Connection connection = db.appDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM regions")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(5);
      }
      SQLException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              SQLException.class, () -> statement.executeUpdate("DELETE FROM local_authorities"));
      assertThat(refused.getSQLState()).isEqualTo("42501");
    }
  }

  private static int count(String sql) throws SQLException {
    try (Connection connection = db.ownerDataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
