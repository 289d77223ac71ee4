package org.drivesync.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Integrity signals over the records of a period (docs/metrics.md, "Integrity signals"). Each query
 * is a file beside this interface (db/SignalDao/*.sql), runnable in psql as it is, and answers rows
 * of one shape: what kind of signal, about whom, and its evidence as JSON.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(SignalDao.SignalRow.class)
public interface SignalDao {
  /** One signal: its kind, the participant or drive it is about, and the evidence. */
  record SignalRow(
      String kind, String subjectType, UUID subjectId, String regionCode, String evidence) {}

  /** The period and region every signal query reads. */
  record Window(String region, Instant start, Instant end) {}

  @SqlQuery
  List<SignalRow> bursts(
      @BindMethods Window window,
      @Bind("minSeconds") int minSeconds,
      @Bind("minRecords") int minRecords);

  @SqlQuery
  List<SignalRow> outsideDriveDates(@BindMethods Window window, @Bind("minRecords") int minRecords);

  @SqlQuery
  List<SignalRow> beforeEnrolment(
      @BindMethods Window window, @Bind("graceMinutes") int graceMinutes);

  @SqlQuery
  List<SignalRow> outcomeMix(
      @BindMethods Window window,
      @Bind("minRecords") int minRecords,
      @Bind("minDistance") double minDistance);

  @SqlQuery
  List<SignalRow> lateEdits(
      @BindMethods Window window,
      @Bind("afterHours") int afterHours,
      @Bind("minEdits") int minEdits);

  @SqlQuery
  List<SignalRow> clockSkew(@BindMethods Window window, @Bind("minRecords") int minRecords);
}
