package vn.healthgate.simulator.data;

import static vn.healthgate.simulator.portal.Identifiers.DEFENCE_PROVINCE;
import static vn.healthgate.simulator.portal.Identifiers.PUBLIC_SECURITY_PROVINCE;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, deterministic synthetic population whose cards and presentations cover every result code
 * of the portal's card lookup. The same seed, size and reference date always give the same people.
 *
 * <p>The last {@value #TONE_PLACEMENT_CITIZENS} citizens answering 000 carry names with a tone mark that can sit on
 * either vowel ({@code HÒA}/{@code HOÀ}, {@code THỦY}/{@code THUỶ}), half registered one way and half the other, as
 * real registries hold both; they present their name as registered. Presented in the other spelling, the portal
 * answers 061, as for any other wrong name (ADR 0013). They are renamed from a separate random stream, so every
 * other citizen is what the same seed always gave.
 */
public final class Population {

  /** Every result code of the official lookup table. */
  public static final List<String> ALL_CODES =
      List.of(
          "000", "001", "002", "003", "004", "010", "050", "051", "052", "053", "054", "055", "060", "061", "070",
          "100", "101", "110", "120", "121", "122", "123", "124", "130", "205", "401");

  /** Codes the portal answers from the card itself (after identity checks passed). */
  static final Set<String> CARD_STATES =
      Set.of("000", "001", "002", "003", "004", "010", "110", "120", "121", "122", "123", "124", "130");

  /** Codes the synthetic portal answers for specific records regardless of the request (backend faults). */
  public static final Set<String> SCRIPTED = Set.of("100", "101", "205", "401");

  private static final int PER_SPECIAL_CODE = 40;
  /** Citizens (answering 000) whose name can be spelled with the tone mark on either vowel. */
  public static final int TONE_PLACEMENT_CITIZENS = 20;
  private static final List<String> CCCD_PROVINCES = List.of("070", "070", "070", "070", "001", "079", "074", "075", "038", "040", "052");
  private static final List<String> ORDINARY_GROUPS = List.of("DN", "HC", "HT", "HS", "SV", "GD", "HN", "CN", "CK", "BT");
  private static final List<String> DIAGNOSES =
      List.of("Tăng huyết áp vô căn", "Viêm họng cấp", "Đái tháo đường týp 2", "Viêm phế quản cấp", "Đau lưng", "Sốt xuất huyết Dengue");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final List<Citizen> citizens;
  private final Map<String, Citizen> byCccd = new HashMap<>();
  private final Map<String, Citizen> bySocialInsuranceNumber = new HashMap<>();

  private Population(List<Citizen> citizens) {
    this.citizens = Collections.unmodifiableList(citizens);
    for (Citizen citizen : citizens) {
      byCccd.put(citizen.registry().cccd(), citizen);
      if (citizen.card() != null) {
        bySocialInsuranceNumber.put(citizen.card().socialInsuranceNumber(), citizen);
      }
    }
  }

  public static Population generate(long seed, int size, LocalDate today, Facilities facilities) {
    int special = (ALL_CODES.size() - 1) * PER_SPECIAL_CODE;
    if (size < special + 100) {
      throw new IllegalArgumentException("population size must be at least " + (special + 100));
    }
    List<String> codes = new ArrayList<>();
    for (String code : ALL_CODES) {
      if (!code.equals("000")) {
        codes.addAll(Collections.nCopies(PER_SPECIAL_CODE, code));
      }
    }
    codes.addAll(Collections.nCopies(size - special, "000"));
    Random random = new Random(seed);
    Collections.shuffle(codes, random);
    Generator generator = new Generator(random, today, facilities);
    List<Citizen> citizens = new ArrayList<>(size);
    for (String code : codes) {
      citizens.add(generator.citizen(code));
    }
    respellWithTonePlacementVariants(citizens, new Random(seed ^ 0x70E5_9A11L));
    return new Population(citizens);
  }

  /** The last {@link #TONE_PLACEMENT_CITIZENS} citizens answering 000 get names spelled one way or the other, alternately. */
  private static void respellWithTonePlacementVariants(List<Citizen> citizens, Random random) {
    int respelled = 0;
    for (int i = citizens.size() - 1; i >= 0 && respelled < TONE_PLACEMENT_CITIZENS; i--) {
      Citizen c = citizens.get(i);
      if (!c.expectedCode().equals("000")) {
        continue;
      }
      Citizen.Registry r = c.registry();
      String name = VietnameseNames.withTonePlacementVariant(r.fullName(), random, r.female(), respelled % 2 == 1);
      Citizen.Presented p = c.presented();
      citizens.set(i, new Citizen(c.expectedCode(),
          new Citizen.Registry(r.cccd(), name, r.birthDate(), r.birthYearOnly(), r.female(), r.address()),
          new Citizen.Presented(name, p.birthDate(), p.cardNumber(), p.lookupBy(), p.facilityCode(), p.officer()),
          c.card(), c.newCard(), c.visits()));
      respelled++;
    }
  }

  public List<Citizen> all() {
    return citizens;
  }

  public Optional<Citizen> byCccd(String cccd) {
    return Optional.ofNullable(byCccd.get(cccd));
  }

  public Optional<Citizen> bySocialInsuranceNumber(String number) {
    return Optional.ofNullable(bySocialInsuranceNumber.get(number));
  }

  public List<Citizen> withExpectedCode(String code, int limit) {
    return citizens.stream().filter(c -> c.expectedCode().equals(code)).limit(limit).toList();
  }

  /** Counts per expected code, for the simulator's own summary. */
  public Map<String, Long> countsByExpectedCode() {
    Map<String, Long> counts = new LinkedHashMap<>();
    ALL_CODES.forEach(code -> counts.put(code, citizens.stream().filter(c -> c.expectedCode().equals(code)).count()));
    return counts;
  }

  private static final class Generator {
    private final Random random;
    private final LocalDate today;
    private final List<Facility> facilities;
    private final String province;
    private final Set<String> usedCccd = new HashSet<>();
    private final Set<String> usedSin = new HashSet<>();
    private int visitCounter;

    Generator(Random random, LocalDate today, Facilities facilities) {
      this.random = random;
      this.today = today;
      this.facilities = facilities.all();
      this.province = facilities.map().provinceName();
    }

    Citizen citizen(String code) {
      boolean child = code.equals("130") || (code.equals("000") && random.nextInt(12) == 0);
      boolean female = random.nextBoolean();
      LocalDate birth = child
          ? today.minusDays(30 + random.nextInt(365 * 5))
          : LocalDate.of(1935 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
      boolean yearOnly = !child && birth.getYear() < 1960 && random.nextInt(4) == 0 && !code.equals("070");
      String cccd = cccd(birth, female);
      String name = VietnameseNames.fullName(random, female);
      Facility home = facilities.get(random.nextInt(facilities.size()));
      String address = "Ấp " + (1 + random.nextInt(9)) + ", " + home.district() + ", " + province;
      Citizen.Registry registry = new Citizen.Registry(cccd, name, birth, yearOnly, female, address);

      Card cards = cards(code, child, home);
      String presentedName = name;
      String presentedBirth = yearOnly ? String.valueOf(birth.getYear()) : birth.toString();
      String presentedCard = cards.card == null ? null : cards.card.number();
      Citizen.LookupBy by = Citizen.LookupBy.CCCD;
      String facilityCode = facilities.get(random.nextInt(3)).code();
      Officer officer = null;
      switch (code) {
        case "051" -> {
          presentedCard = otherGroup(cards.card.groupCode()) + presentedCard.substring(2);
          by = Citizen.LookupBy.CARD_NUMBER;
        }
        case "052" -> {
          presentedCard = presentedCard.substring(0, 3) + "99" + presentedCard.substring(5);
          by = Citizen.LookupBy.CARD_NUMBER;
        }
        case "053" -> {
          presentedCard = presentedCard.substring(0, 2) + "7" + presentedCard.substring(3);
          by = Citizen.LookupBy.CARD_NUMBER;
        }
        case "054" -> officer = new Officer(VietnameseNames.fullName(random, female), "070099" + String.format("%06d", random.nextInt(1_000_000)));
        case "055" -> {
          Officer registered = facilityOfficer(facilityCode);
          officer = new Officer(differentName(registered.fullName(), false), registered.cccd());
        }
        case "060" -> presentedName = differentName(name, false);
        case "061" -> presentedName = differentName(name, true);
        case "070" -> presentedBirth = (birth.getMonthValue() == 12 ? birth.minusMonths(1) : birth.plusMonths(1)).toString();
        default -> {
          if (random.nextInt(5) == 0 && cards.card != null) {
            by = Citizen.LookupBy.CARD_NUMBER;
          }
        }
      }
      if (officer == null) {
        officer = facilityOfficer(facilityCode);
      }
      Citizen.Presented presented = new Citizen.Presented(presentedName, presentedBirth, presentedCard, by, facilityCode, officer);
      return new Citizen(code, registry, presented, cards.card, cards.newCard, visits(cards.card));
    }

    private record Card(Citizen.Card card, Citizen.Card newCard) {}

    private Card cards(String code, boolean child, Facility home) {
      if (code.equals("050") || code.equals("130")) {
        return new Card(null, null);
      }
      String group = switch (code) {
        case "001" -> "QN";
        case "002" -> "CA";
        default -> child ? "TE" : ORDINARY_GROUPS.get(random.nextInt(ORDINARY_GROUPS.size()));
      };
      char level = child ? '1' : (char) ('1' + random.nextInt(5));
      String sin = sin();
      Facility registered = random.nextInt(3) == 0 ? home : facilities.get(random.nextInt(facilities.size()));
      LocalDate from = LocalDate.of(today.getYear(), 1, 1);
      LocalDate to = LocalDate.of(today.getYear(), 12, 31);
      String province = switch (code) {
        case "001" -> DEFENCE_PROVINCE;
        case "002" -> PUBLIC_SECURITY_PROVINCE;
        default -> "70";
      };
      String office = switch (code) {
        case "001" -> "Bảo hiểm xã hội Bộ Quốc phòng";
        case "002" -> "Bảo hiểm xã hội Bộ Công an";
        default -> "Bảo hiểm xã hội tỉnh Bình Phước";
      };
      // a Defence or Public Security card is answered 001 / 002 for its province code, not for a state held here
      boolean ministry = !province.equals("70");
      String state = !ministry && (CARD_STATES.contains(code) || Population.SCRIPTED.contains(code)) ? code : "000";
      if (code.equals("010") || code.equals("003")) {
        from = today.minusYears(1).withDayOfYear(1);
        to = today.minusDays(1 + random.nextInt(60));
      }
      String area = random.nextInt(10) == 0 ? "K" + (1 + random.nextInt(3)) : "";
      LocalDate fiveYears = from.minusYears(random.nextInt(6)).plusYears(5);
      Citizen.Card card = new Citizen.Card(
          group + level + province + sin, sin, registered.code(), registered.name(), from, to, fiveYears, area, office, state);
      Citizen.Card newCard = null;
      if (code.equals("003") || code.equals("004")) {
        Facility newFacility = facilities.get(random.nextInt(facilities.size()));
        newCard = new Citizen.Card(
            group + level + province + sin, sin, newFacility.code(), newFacility.name(), today.withDayOfMonth(1),
            today.withDayOfMonth(1).plusYears(1).minusDays(1), fiveYears, area, card.issuingOffice(), "000");
      }
      return new Card(card, newCard);
    }

    private List<Citizen.Visit> visits(Citizen.Card card) {
      if (card == null) {
        return List.of();
      }
      int n = random.nextInt(4);
      List<Citizen.Visit> visits = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        LocalDate day = today.minusDays(10 + random.nextInt(700));
        String stamp = day.format(STAMP);
        visits.add(new Citizen.Visit(
            "HS" + (++visitCounter), facilities.get(random.nextInt(facilities.size())).code(),
            stamp + "0800", stamp + "1030", DIAGNOSES.get(random.nextInt(DIAGNOSES.size())), "1"));
      }
      return List.copyOf(visits);
    }

    private String cccd(LocalDate birth, boolean female) {
      String province = CCCD_PROVINCES.get(random.nextInt(CCCD_PROVINCES.size()));
      int century = (birth.getYear() / 100 - 19) * 2 + (female ? 1 : 0);
      String cccd;
      do {
        cccd = String.format("%s%d%02d%06d", province, century, birth.getYear() % 100, random.nextInt(1_000_000));
      } while (!usedCccd.add(cccd));
      return cccd;
    }

    private String sin() {
      String sin;
      do {
        sin = String.format("70%08d", random.nextInt(100_000_000));
      } while (!usedSin.add(sin));
      return sin;
    }

    private Officer facilityOfficer(String facilityCode) {
      return facilities.stream().filter(f -> f.code().equals(facilityCode)).findFirst().orElseThrow().officers().get(0);
    }

    private String otherGroup(String group) {
      String other;
      do {
        other = ORDINARY_GROUPS.get(random.nextInt(ORDINARY_GROUPS.size()));
      } while (other.equals(group));
      return other;
    }

    /** A different name; with {@code keepFirstCharacter} only the given name changes (code 061). */
    private String differentName(String name, boolean keepFirstCharacter) {
      String[] parts = name.split(" ");
      if (keepFirstCharacter) {
        List<String> pool = new ArrayList<>(VietnameseNames.GIVEN_MALE);
        pool.addAll(VietnameseNames.GIVEN_FEMALE);
        String given;
        do {
          given = pool.get(random.nextInt(pool.size()));
        } while (given.equals(parts[parts.length - 1]));
        parts[parts.length - 1] = given;
      } else {
        String family;
        do {
          family = VietnameseNames.FAMILY.get(random.nextInt(VietnameseNames.FAMILY.size()));
        } while (family.charAt(0) == parts[0].charAt(0));
        parts[0] = family;
      }
      return String.join(" ", parts);
    }
  }
}
