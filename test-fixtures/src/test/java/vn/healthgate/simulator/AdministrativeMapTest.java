package vn.healthgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.healthgate.simulator.data.AdministrativeMap;
import vn.healthgate.simulator.data.Facilities;
import vn.healthgate.simulator.data.Facility;
import vn.healthgate.simulator.data.Population;

/** The synthetic facilities and population in both shapes: the map since 2025-07-01 (Đồng Nai, 75) and the one before (Bình Phước, 70). */
class AdministrativeMapTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @Test
  void theSame129FacilitiesCarryTheProvinceOfTheirMapAndStationsAreNamedByDistrictOnlyBefore2025() {
    Facilities current = Facilities.generate(SimulatorSettings.DEFAULT_SEED, AdministrativeMap.CURRENT);
    Facilities before = Facilities.generate(SimulatorSettings.DEFAULT_SEED, AdministrativeMap.BEFORE_2025);

    assertThat(current.all()).hasSize(Facilities.COUNT).extracting(Facility::provinceCode).containsOnly("75");
    assertThat(before.all()).hasSize(Facilities.COUNT).extracting(Facility::provinceCode).containsOnly("70");
    assertThat(current.all()).extracting(Facility::code).containsExactlyElementsOf(before.all().stream().map(Facility::code).toList());
    assertThat(current.byCode("70100").orElseThrow().name()).doesNotContain("(");
    assertThat(before.byCode("70100").orElseThrow().name()).endsWith(")");
  }

  @Test
  void addressesNameTheProvinceOfTheMap() {
    Population current = Population.generate(SimulatorSettings.DEFAULT_SEED, 10_000, TODAY,
        Facilities.generate(SimulatorSettings.DEFAULT_SEED, AdministrativeMap.CURRENT));
    Population before = Population.generate(SimulatorSettings.DEFAULT_SEED, 10_000, TODAY,
        Facilities.generate(SimulatorSettings.DEFAULT_SEED, AdministrativeMap.BEFORE_2025));

    assertThat(current.all()).allSatisfy(c -> assertThat(c.registry().address()).endsWith(", Đồng Nai"));
    assertThat(before.all()).allSatisfy(c -> assertThat(c.registry().address()).endsWith(", Bình Phước"));
  }

  @Test
  void theMapIsReadFromConfiguration() {
    assertThat(AdministrativeMap.parse(" Current ")).isEqualTo(AdministrativeMap.CURRENT);
    assertThat(AdministrativeMap.parse("before-2025")).isEqualTo(AdministrativeMap.BEFORE_2025);
    assertThatThrownBy(() -> AdministrativeMap.parse("2024")).isInstanceOf(IllegalArgumentException.class);
  }
}
