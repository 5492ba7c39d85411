package vn.healthgate.routes.delivery;

import static vn.healthgate.routes.delivery.FieldChecks.DMY;
import static vn.healthgate.routes.delivery.FieldChecks.blank;
import static vn.healthgate.routes.delivery.FieldChecks.optional;
import static vn.healthgate.routes.delivery.FieldChecks.pattern;
import static vn.healthgate.routes.delivery.FieldChecks.required;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.identity.BirthDate;
import vn.healthgate.routes.identity.Cccd;
import vn.healthgate.routes.identity.ProvinceCodes;
import vn.healthgate.routes.identity.Sex;
import vn.healthgate.routes.text.TextCharacters;

/**
 * Checks every field of a driver health certificate ({@code docs/portal-contract.md}, {@code docs/field-rules.md}) as the
 * portal does, and more, and builds the portal document. Licence classes, their groups and conclusion codes come from
 * {@link DriverCertificateCodes}; address codes are sent on the configured administrative map ({@link AddressCodes}).
 */
public class CertificateValidator {
  /** The alcohol concentration as a plain decimal: digits, at most three after a point. */
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,4}(\\.\\d{1,3})?");
  /** No living person has been measured above these (about 1.5 % blood alcohol; breath at Vietnam's 2,000:1). */
  private static final Map<String, BigDecimal> ALCOHOL_LIMITS = Map.of("MG_PER_100ML_BLOOD", new BigDecimal("1500"), "MG_PER_L_BREATH", new BigDecimal("7.5"));
  private static final Map<String, String> ALCOHOL_UNITS = Map.of("MG_PER_100ML_BLOOD", "0", "MG_PER_L_BREATH", "1");

  private final Clock clock;
  private final Function<String, String> facilityNames;
  private final DriverCertificateCodes codes;
  private final AddressCodes addressCodes;

  /** The bundled licence-class table; address codes sent as given (the map before 2025-07-01). */
  public CertificateValidator(Clock clock, Function<String, String> facilityNames) {
    this(clock, facilityNames, DriverCertificateCodes.defaults(), AddressCodes.AS_GIVEN);
  }

  public CertificateValidator(Clock clock, Function<String, String> facilityNames, DriverCertificateCodes codes) {
    this(clock, facilityNames, codes, AddressCodes.AS_GIVEN);
  }

  public CertificateValidator(Clock clock, Function<String, String> facilityNames, DriverCertificateCodes codes, AddressCodes addressCodes) {
    this.clock = clock;
    this.facilityNames = facilityNames;
    this.codes = codes;
    this.addressCodes = addressCodes;
  }

  public PortalDocument validate(CertificateRequest r, String operation) {
    TextCharacters.check(r);
    LocalDate today = LocalDate.ofInstant(clock.instant(), FieldChecks.VIETNAM);
    List<String> warnings = new ArrayList<>();
    String facility = pattern(required(r.facilityCode(), "facilityCode", 5), "facilityCode", "\\d{5}");
    String number = required(r.number(), "number", 21);
    if (!number.matches("\\d{5}/GKSKLX/\\d{5}/\\d{2}")) {
      throw new GatewayException(ErrorCode.CERTIFICATE_NUMBER, "number");
    }
    if (!number.split("/")[2].equals(facility)) {
      throw new GatewayException(ErrorCode.FACILITY_MISMATCH, "number");
    }
    CertificateRequest.Person p = r.person();
    if (p == null) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, "person");
    }
    CertificateRequest.Address a = p.address();
    if (a == null) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, "person.address");
    }
    CertificateRequest.Conclusion c = r.conclusion();
    if (c == null) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, "conclusion");
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("SO", number);
    f.put("HOTEN", FieldChecks.name(p.fullName(), "person.fullName"));
    Sex sex = switch (required(p.sex(), "person.sex", 12).toUpperCase(Locale.ROOT)) {
      case "MALE" -> Sex.MALE;
      case "FEMALE" -> Sex.FEMALE;
      default -> throw new GatewayException(ErrorCode.SEX_INVALID, "person.sex");
    };
    f.put("GIOITINHVAL", sex == Sex.MALE ? "0" : "1");
    LocalDate birth = FieldChecks.date(p.birthDate(), "person.birthDate", today, true);
    f.put("NGAYSINH", birth.format(DMY));
    f.put("DIACHITHUONGTRU", required(a.line(), "person.address.line", 500));
    String province = pattern(required(a.provinceCode(), "person.address.provinceCode", 2), "person.address.provinceCode", "\\d{2}");
    if (!ProvinceCodes.isKnownAdministrative(province)) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, "person.address.provinceCode");
    }
    List<String> address = addressCodes.toPortal(province,
        pattern(optional(a.districtCode(), "person.address.districtCode", 3), "person.address.districtCode", "\\d{3}"),
        pattern(required(a.communeCode(), "person.address.communeCode", 5), "person.address.communeCode", "\\d{5}"), warnings);
    f.put("MATINH_THUONGTRU", address.get(0));
    f.put("MAHUYEN_THUONGTRU", address.get(1));
    f.put("MAXA_THUONGTRU", address.get(2));
    String idNumber = pattern(required(p.idNumber(), "person.idNumber", 15).toUpperCase(Locale.ROOT), "person.idNumber", "\\d{12}|\\d{9}|[A-Z0-9]{6,15}");
    if (idNumber.matches("\\d{12}")) {
      Cccd.parse(idNumber, "person.idNumber").checkAgainst(new BirthDate(birth, false), Optional.of(sex), "person.idNumber");
    }
    f.put("SOCMND_PASSPORT", idNumber);
    LocalDate issued = FieldChecks.date(p.idIssuedOn(), "person.idIssuedOn", today, true);
    if (issued.isBefore(birth)) {
      throw new GatewayException(ErrorCode.FIELD_FORMAT, "person.idIssuedOn");
    }
    f.put("NGAYTHANGNAMCAPCMND", issued.format(DMY));
    f.put("NOICAP", required(p.idIssuedBy(), "person.idIssuedBy", 255));
    f.put("IDBENHVIEN", facility);
    f.put("BENHVIEN", facilityNames.apply(facility));
    CertificateRequest.Alcohol alcohol = r.alcohol();
    if (alcohol == null || blank(alcohol.value()) || blank(alcohol.unit())) {
      throw new GatewayException(ErrorCode.ALCOHOL, "alcohol");
    }
    String unit = alcohol.unit().trim().toUpperCase(Locale.ROOT);
    if (!ALCOHOL_UNITS.containsKey(unit)) {
      throw new GatewayException(ErrorCode.ALCOHOL, "alcohol.unit");
    }
    String concentration = alcohol.value().trim();
    if (!DECIMAL.matcher(concentration).matches() || new BigDecimal(concentration).compareTo(ALCOHOL_LIMITS.get(unit)) > 0) {
      throw new GatewayException(ErrorCode.ALCOHOL, "alcohol.value");
    }
    f.put("NONGDOCON", concentration);
    f.put("DVINONGDOCON", ALCOHOL_UNITS.get(unit));
    f.put("MATUY", switch (blank(r.drugTest()) ? "" : r.drugTest().trim().toUpperCase(Locale.ROOT)) {
      case "NEGATIVE" -> "0";
      case "POSITIVE" -> "1";
      default -> throw new GatewayException(ErrorCode.DRUG_TEST, "drugTest");
    });
    LocalDate concluded = FieldChecks.date(c.date(), "conclusion.date", today, true);
    f.put("NGAYKETLUAN", concluded.format(DMY));
    f.put("BACSYKETLUAN", FieldChecks.name(c.doctor(), "conclusion.doctor"));
    DriverCertificateCodes.LicenceClass licence = licenceClass(r, warnings);
    f.put("KETLUAN", codes.conclusion(licence.group(), c.code()));
    f.put("HANGBANGLAI", licence.portalClass());
    String reexam = "";
    if (!blank(c.reexaminationDate())) {
      LocalDate date;
      try {
        date = LocalDate.parse(c.reexaminationDate().trim());
      } catch (java.time.DateTimeException e) {
        throw new GatewayException(ErrorCode.FIELD_FORMAT, "conclusion.reexaminationDate");
      }
      if (!date.isAfter(concluded)) {
        throw new GatewayException(ErrorCode.REEXAMINATION_DATE, "conclusion.reexaminationDate");
      }
      reexam = date.format(DMY);
    } else if (c.code().trim().equalsIgnoreCase("FIT_WITH_REEXAMINATION")) {
      throw new GatewayException(ErrorCode.REEXAMINATION_DATE, "conclusion.reexaminationDate");
    }
    f.put("NGAYKHAMLAI", reexam);
    String reason = optional(c.reason(), "conclusion.reason", 1024);
    if (c.code().trim().equalsIgnoreCase("UNFIT") && reason.isEmpty()) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, "conclusion.reason");
    }
    f.put("LYDO", reason);
    f.put("TINHTRANGBENH", optional(c.condition(), "conclusion.condition", 1024));
    f.put("STATE", operation);
    return new PortalDocument(DocumentKind.CERTIFICATE, facility, number, operation, f, warnings);
  }

  private DriverCertificateCodes.LicenceClass licenceClass(CertificateRequest r, List<String> warnings) {
    if (blank(r.licenceClass())) {
      throw new GatewayException(ErrorCode.FIELD_REQUIRED, "licenceClass");
    }
    DriverCertificateCodes.LicenceClass licence = codes.licenceClass(r.licenceClass(), r.licenceClassSystem());
    licence.exchangedFrom().ifPresent(old -> warnings.add("licence class " + old + " (2008 law) sent as " + licence.portalClass()
        + licence.restriction().map(limit -> ", limited to " + limit).orElse("")));
    return licence;
  }
}
