package org.drivesync.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a volunteer records about an applicant. Values are validated by the engine (not here) so
 * that every problem is reported at once as an {@link InvalidAssessmentException} rather than the
 * first one as a constructor failure.
 *
 * @param nationalities ISO 3166-1 alpha-2 codes (Namibia is "NA", Greece "GR"), GB-… categories or
 *     "stateless"
 * @param immigrationStatus one of the ruleset's immigrationStatuses codes (e.g. british_citizen,
 *     pre_settled)
 * @param residentInUkSince needed for EU citizens whose vote depends on retained rights; otherwise
 *     may be null
 * @param dateOfBirth required
 * @param nation england | scotland | wales (of the qualifying address)
 * @param asOf date to judge (e.g. polling day); null means today in Europe/London
 * @param euCitizenshipSince date EU citizenship was acquired; null means held since birth. Required
 *     for EU citizens who also hold a non-EU nationality when retained rights could decide (rules
 *     doc R-REG-7)
 * @param localAuthority GSS code of the council of the qualifying address (e.g. E08000003); the
 *     nation follows from it, so {@code nation} may then be omitted. Optional.
 */
public record AssessmentRequest(
    List<String> nationalities,
    String immigrationStatus,
    LocalDate residentInUkSince,
    LocalDate dateOfBirth,
    String nation,
    LocalDate asOf,
    LocalDate euCitizenshipSince,
    String localAuthority) {

  /** A request without a council: the nation must be given. */
  public AssessmentRequest(
      List<String> nationalities,
      String immigrationStatus,
      LocalDate residentInUkSince,
      LocalDate dateOfBirth,
      String nation,
      LocalDate asOf,
      LocalDate euCitizenshipSince) {
    this(
        nationalities,
        immigrationStatus,
        residentInUkSince,
        dateOfBirth,
        nation,
        asOf,
        euCitizenshipSince,
        null);
  }

  public AssessmentRequest {
    // List.copyOf would throw on a null element; keep nulls so validation can name the offending
    // index.
    nationalities =
        nationalities == null ? null : Collections.unmodifiableList(new ArrayList<>(nationalities));
  }
}
