package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The licence and conclusion table is data: every class has a group, every group its conclusion codes, and the validator reads them. */
class DriverCertificateCodesTest {
  private static final List<String> CLASSES_2025 = List.of("A1", "A", "B1", "B", "C1", "C", "D1", "D2", "D", "BE", "C1E", "CE", "D1E", "D2E", "DE");

  @Test
  void everyClassOfThe2024LawHasItsHealthStandardGroup() {
    DriverCertificateCodes codes = DriverCertificateCodes.defaults();
    assertThat(CLASSES_2025).allSatisfy(c -> assertThat(codes.licenceClass(c, null).portalClass()).isEqualTo(c));
    assertThat(List.of("A1", "A", "B1")).allSatisfy(c -> assertThat(codes.licenceClass(c, null).group()).isEqualTo(1));
    assertThat(List.of("B", "C1")).allSatisfy(c -> assertThat(codes.licenceClass(c, null).group()).isEqualTo(2));
    assertThat(List.of("C", "D1", "D2", "D", "BE", "C1E", "CE", "D1E", "D2E", "DE"))
        .allSatisfy(c -> assertThat(codes.licenceClass(c, null).group()).isEqualTo(3));
  }

  @Test
  void everyGroupHasACodeForEveryConclusion() {
    DriverCertificateCodes codes = DriverCertificateCodes.defaults();
    for (int group = 1; group <= 3; group++) {
      for (String conclusion : DriverCertificateCodes.CONCLUSIONS) {
        assertThat(codes.conclusion(group, conclusion)).as("group %d %s", group, conclusion).isNotBlank();
      }
    }
  }

  @Test
  void theConclusionCodeIsTheOneOfTheClasssGroup() {
    Properties table = new Properties();
    table.setProperty("class.B", "2");
    table.setProperty("class.D", "3");
    for (String conclusion : DriverCertificateCodes.CONCLUSIONS) {
      table.setProperty("conclusion.group2." + conclusion, "2-" + conclusion);
      table.setProperty("conclusion.group3." + conclusion, "3-" + conclusion);
    }
    CertificateValidator validator = new CertificateValidator(Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC), code -> "Bệnh viện",
        DriverCertificateCodes.from(table));
    CertificateRequest b = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(CertificateValidatorTest.certificate(), CertificateRequest.class);
    java.util.Map<String, Object> d = CertificateValidatorTest.certificate();
    d.put("licenceClass", "D");

    assertThat(validator.validate(b, "ADD").fields()).containsEntry("KETLUAN", "2-FIT");
    assertThat(validator.validate(new com.fasterxml.jackson.databind.ObjectMapper().convertValue(d, CertificateRequest.class), "ADD").fields())
        .containsEntry("KETLUAN", "3-FIT");
  }

  @Test
  void aTableWithAGapIsRefusedWhenRead() {
    Properties noGroup = new Properties();
    noGroup.setProperty("class.B", "");
    assertThatThrownBy(() -> DriverCertificateCodes.from(noGroup)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class.B");

    Properties noConclusion = new Properties();
    noConclusion.setProperty("class.B", "2");
    noConclusion.setProperty("conclusion.group2.FIT", "1");
    assertThatThrownBy(() -> DriverCertificateCodes.from(noConclusion)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conclusion.group2.UNFIT");

    Properties exchangeToNothing = new Properties();
    exchangeToNothing.setProperty("law2008.E", "Z");
    assertThatThrownBy(() -> DriverCertificateCodes.from(exchangeToNothing)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class.Z");
  }
}
