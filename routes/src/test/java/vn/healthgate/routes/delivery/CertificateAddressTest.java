package vn.healthgate.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/** A certificate's address on the two administrative maps: since 2025-07-01 province and commune, the district optional. */
class CertificateAddressTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
  /** Bình Phước 70 → Đồng Nai 75; the commune pair is made up for the test (the real table is configuration). */
  private static final AddressCodes CURRENT = new AddressCodes(false, Map.of("70", "75"), Map.of("25261", "26389"));

  private static CertificateRequest withAddress(String province, String district, String commune) {
    CertificateRequest sample = SubmissionsTest.certificate("00001/GKSKLX/70001/26");
    CertificateRequest.Person p = sample.person();
    return new CertificateRequest(sample.number(), sample.facilityCode(),
        new CertificateRequest.Person(p.fullName(), p.sex(), p.birthDate(), p.idNumber(), p.idIssuedOn(), p.idIssuedBy(),
            new CertificateRequest.Address("Ấp 2, xã Đồng Phú, Đồng Nai", province, district, commune)),
        sample.licenceClass(), sample.licenceClassSystem(), sample.alcohol(), sample.drugTest(), sample.conclusion());
  }

  private static PortalDocument validate(AddressCodes codes, CertificateRequest request) {
    return new CertificateValidator(CLOCK, code -> "Bệnh viện", DriverCertificateCodes.defaults(), codes).validate(request, "ADD");
  }

  @Test
  void anAddressWithoutADistrictIsSentWithAnEmptyOneOnEitherMap() {
    for (String district : new String[] {null, "", "  "}) {
      PortalDocument current = validate(CURRENT, withAddress("75", district, "26389"));
      PortalDocument before = validate(AddressCodes.AS_GIVEN, withAddress("70", district, "25261"));

      assertThat(current.fields()).containsEntry("MATINH_THUONGTRU", "75").containsEntry("MAHUYEN_THUONGTRU", "").containsEntry("MAXA_THUONGTRU", "26389");
      assertThat(current.warnings()).isEmpty();
      assertThat(before.fields()).containsEntry("MATINH_THUONGTRU", "70").containsEntry("MAHUYEN_THUONGTRU", "");
    }
  }

  @Test
  void onTheCurrentMapOldCodesWithADistrictAreConvertedWithTheTablesAndTheDistrictDroppedAndTheCallerIsTold() {
    PortalDocument document = validate(CURRENT, withAddress("70", "697", "25261"));

    assertThat(document.fields()).containsEntry("MATINH_THUONGTRU", "75").containsEntry("MAHUYEN_THUONGTRU", "").containsEntry("MAXA_THUONGTRU", "26389");
    assertThat(document.warnings()).singleElement().asString().contains("70 → 75", "25261 → 26389", "697 dropped");
  }

  @Test
  void aCodeTheTablesDoNotNameIsSentAsGiven() {
    PortalDocument document = validate(CURRENT, withAddress("79", "760", "26734"));

    assertThat(document.fields()).containsEntry("MATINH_THUONGTRU", "79").containsEntry("MAHUYEN_THUONGTRU", "").containsEntry("MAXA_THUONGTRU", "26734");
    assertThat(document.warnings()).singleElement().asString().endsWith("converted: district 760 dropped").doesNotContain("79 → 79");
  }

  @Test
  void onTheMapBeforeTheDistrictIsSentAsGiven() {
    PortalDocument document = validate(AddressCodes.AS_GIVEN, withAddress("70", "697", "25261"));

    assertThat(document.fields()).containsEntry("MATINH_THUONGTRU", "70").containsEntry("MAHUYEN_THUONGTRU", "697").containsEntry("MAXA_THUONGTRU", "25261");
    assertThat(document.warnings()).isEmpty();
  }

  @Test
  void aDistrictThatIsNotThreeDigitsIsRefusedNamingTheField() {
    GatewayException refused = catchThrowableOfType(GatewayException.class, () -> validate(CURRENT, withAddress("70", "69", "25261")));

    assertThat(refused.errorCode()).isEqualTo(ErrorCode.FIELD_FORMAT);
    assertThat(refused.field()).contains("person.address.districtCode");
  }
}
