package vn.healthgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.healthgate.simulator.data.Citizen;
import vn.healthgate.simulator.data.Facilities;
import vn.healthgate.simulator.data.Facility;
import vn.healthgate.simulator.data.Population;

class PopulationTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final Facilities FACILITIES = Facilities.generate(SimulatorSettings.DEFAULT_SEED, vn.healthgate.simulator.data.AdministrativeMap.CURRENT);

  @Test
  void theSameSeedGivesTheSamePeople() {
    Population a = Population.generate(7, 10_000, TODAY, FACILITIES);
    Population b = Population.generate(7, 10_000, TODAY, FACILITIES);
    assertThat(a.all()).isEqualTo(b.all());
  }

  @Test
  void everyResultCodeHasCitizens() {
    Population population = Population.generate(SimulatorSettings.DEFAULT_SEED, 10_000, TODAY, FACILITIES);
    assertThat(population.all()).hasSize(10_000);
    for (String code : Population.ALL_CODES) {
      assertThat(population.withExpectedCode(code, 1)).as(code).hasSize(1);
    }
  }

  @Test
  void cccdNumbersAreUniqueAndAgreeWithBirthYearAndSex() {
    Population population = Population.generate(SimulatorSettings.DEFAULT_SEED, 10_000, TODAY, FACILITIES);
    Set<String> numbers = population.all().stream().map(c -> c.registry().cccd()).collect(Collectors.toSet());
    assertThat(numbers).hasSize(10_000);
    for (Citizen c : population.all()) {
      String cccd = c.registry().cccd();
      int year = c.registry().birthDate().getYear();
      int digit = cccd.charAt(3) - '0';
      assertThat(digit / 2).as(cccd).isEqualTo(year / 100 - 19);
      assertThat(digit % 2 == 1).as(cccd).isEqualTo(c.registry().female());
      assertThat(cccd.substring(4, 6)).isEqualTo(String.format("%02d", year % 100));
    }
  }

  @Test
  void namesWhoseToneMarkCanSitOnEitherVowelAreRegisteredBothWays() {
    Population population = Population.generate(SimulatorSettings.DEFAULT_SEED, 10_000, TODAY, FACILITIES);
    List<String> words = population.withExpectedCode("000", 10_000).stream()
        .flatMap(c -> Arrays.stream(c.registry().fullName().split(" "))).toList();

    assertThat(words).filteredOn(w -> Set.of("HÒA", "THỦY", "THÚY", "NHỤY", "THỤY", "THÙY").contains(w)).hasSizeGreaterThanOrEqualTo(10);
    assertThat(words).filteredOn(w -> Set.of("HOÀ", "THUỶ", "THUÝ", "NHUỴ", "THUỴ", "THUỲ").contains(w)).hasSizeGreaterThanOrEqualTo(10);
    assertThat(population.all()).allMatch(c -> !c.expectedCode().equals("000") || c.presented().fullName().equals(c.registry().fullName()));
  }

  @Test
  void respellingSomeNamesLeavesEveryOtherCitizenAsTheSeedGaveIt() {
    Population population = Population.generate(SimulatorSettings.DEFAULT_SEED, 10_000, TODAY, FACILITIES);
    // the citizen of the README's examples
    assertThat(population.byCccd("070089868934").orElseThrow().registry().fullName()).isEqualTo("VÕ HỮU BÌNH");
    assertThat(population.countsByExpectedCode().get("000")).isEqualTo(10_000 - 25 * 40);
  }

  @Test
  void bindsOneHundredTwentyNineFacilitiesOfBinhPhuoc() {
    assertThat(FACILITIES.all()).hasSize(129);
    assertThat(FACILITIES.all()).allMatch(f -> f.code().matches("70\\d{3}"));
    assertThat(FACILITIES.all().stream().map(Facility::code).distinct()).hasSize(129);
    assertThat(FACILITIES.all().stream().map(Facility::level).distinct()).hasSize(3);
    assertThat(FACILITIES.all().stream().map(Facility::district).distinct()).hasSize(11);
    assertThat(FACILITIES.all()).allMatch(f -> f.officers().size() == 2);
  }
}
