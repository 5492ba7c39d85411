package vn.healthgate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
  void bindsOneHundredTwentyNineFacilitiesOfBinhPhuoc() {
    assertThat(FACILITIES.all()).hasSize(129);
    assertThat(FACILITIES.all()).allMatch(f -> f.code().matches("70\\d{3}"));
    assertThat(FACILITIES.all().stream().map(Facility::code).distinct()).hasSize(129);
    assertThat(FACILITIES.all().stream().map(Facility::level).distinct()).hasSize(3);
    assertThat(FACILITIES.all().stream().map(Facility::district).distinct()).hasSize(11);
    assertThat(FACILITIES.all()).allMatch(f -> f.officers().size() == 2);
  }
}
