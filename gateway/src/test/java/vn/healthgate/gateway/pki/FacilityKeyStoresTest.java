package vn.healthgate.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.healthgate.certs.ca.FacilityIdentity;

class FacilityKeyStoresTest {
  @TempDir Path pki;

  @Test
  void developmentPkiIsCreatedOnFirstStartAndKeptAcrossRestarts() {
    char[] password = "from-configuration".toCharArray();
    FacilitySigningKeys first = FacilityKeyStores.load(pki, password, true, List.of("70001", "70002"), Clock.systemUTC());
    FacilitySigningKeys second = FacilityKeyStores.load(pki, password, true, List.of("70001", "70002"), Clock.systemUTC());

    assertThat(Files.exists(pki.resolve("ca").resolve("root.pem"))).isTrue();
    assertThat(Files.exists(FacilityKeyStores.keyStore(pki, "70001"))).isTrue();
    assertThat(second.certificate("70001")).isEqualTo(first.certificate("70001"));
    assertThat(FacilityIdentity.facilityCode(first.certificate("70002").orElseThrow())).contains("70002");
  }

  @Test
  void withoutGenerationOnlyExistingKeyStoresAreLoaded() {
    FacilitySigningKeys keys = FacilityKeyStores.load(pki, "x".toCharArray(), false, List.of("70001"), Clock.systemUTC());

    assertThat(keys.all()).isEmpty();
    assertThat(Files.exists(pki.resolve("ca"))).isFalse();
  }
}
