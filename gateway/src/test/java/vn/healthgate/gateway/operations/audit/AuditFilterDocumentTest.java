package vn.healthgate.gateway.operations.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The document an audit entry names: the intake's {@code Location}, else the submission in the path. */
class AuditFilterDocumentTest {
  private static final String ID = "5d0c2f0e-8b1a-4c3e-9f2d-0a1b2c3d4e5f";

  @Test
  void anIntakeNamesTheDocumentItsLocationPointsAtEvenAVersionedFhirOne() {
    assertThat(AuditFilter.document("/api/v1/submissions/" + ID, "/api/v1/check-ins")).isEqualTo(ID);
    assertThat(AuditFilter.document("http://localhost/fhir/Encounter/" + ID + "/_history/1", "/fhir/Encounter")).isEqualTo(ID);
  }

  @Test
  void aReadADownloadOrAReplayNamesTheSubmissionInItsPath() {
    assertThat(AuditFilter.document(null, "/api/v1/submissions/" + ID)).isEqualTo(ID);
    assertThat(AuditFilter.document(null, "/api/v1/submissions/" + ID + "/signed-document")).isEqualTo(ID);
    assertThat(AuditFilter.document(null, "/api/v1/admin/dead-letters/" + ID + "/replay")).isEqualTo(ID);
    assertThat(AuditFilter.document(null, "/api/v1/submissions")).isNull();
    assertThat(AuditFilter.document(null, "/api/v1/admin/dead-letters/replay")).isNull();
    assertThat(AuditFilter.document(null, "/api/v1/submissions/not-an-id")).isNull();
  }
}
