package vn.healthgate.routes.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.StringType;

/**
 * A FHIR {@code HumanName} as Vietnamese people write a name: family name first, then the middle and given names
 * ({@code family} "ĐẶNG", {@code given} ["QUANG", "HÙNG"] → "ĐẶNG QUANG HÙNG"), never HAPI's Western
 * {@code getNameAsSingleString()} order. {@code text}, when present, is the name as written and wins. Of several
 * names, the {@code official} one, else the {@code usual} one, else the first that is not {@code old} or
 * {@code maiden}. Prefixes and suffixes (titles) are not part of the name the portal knows.
 */
final class FhirNames {
  private FhirNames() {}

  /** The name in Vietnamese order, or null when no name has any text. */
  static String vietnamese(List<HumanName> names) {
    List<HumanName> written = names.stream().filter(n -> !inVietnameseOrder(n).isEmpty()).toList();
    return preferred(written, NameUse.OFFICIAL)
        .or(() -> preferred(written, NameUse.USUAL))
        .or(() -> written.stream().filter(n -> n.getUse() != NameUse.OLD && n.getUse() != NameUse.MAIDEN).findFirst())
        .or(() -> written.stream().findFirst())
        .map(FhirNames::inVietnameseOrder)
        .orElse(null);
  }

  private static Optional<HumanName> preferred(List<HumanName> names, NameUse use) {
    return names.stream().filter(n -> n.getUse() == use).findFirst();
  }

  private static String inVietnameseOrder(HumanName name) {
    if (name.hasText() && !name.getText().isBlank()) {
      return name.getText();
    }
    List<String> parts = new ArrayList<>();
    parts.add(name.getFamily());
    name.getGiven().stream().map(StringType::getValue).forEach(parts::add);
    return String.join(" ", parts.stream().filter(Objects::nonNull).filter(p -> !p.isBlank()).toList());
  }
}
