package vn.healthgate.routes.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;

/**
 * The licence classes, their health-standard groups, the exchanges of the 2008 classes and the conclusion codes per
 * group, read from {@code driver-certificate-codes.properties} (data, not code). A table with a gap (a class
 * without a group, an exchange to no class, a group without a conclusion code) is refused when it is read.
 */
public final class DriverCertificateCodes {
  /** The conclusions a certificate can state. */
  static final List<String> CONCLUSIONS = List.of("FIT", "UNFIT", "FIT_WITH_REEXAMINATION");
  /** How {@code licenceClass} is to be read: the 2024 law's classes (the default) or the 2008 law's. */
  static final String LAW_2024 = "LAW_2024";
  static final String LAW_2008 = "LAW_2008";

  private static final String RESOURCE = "/driver-certificate-codes.properties";
  private static final DriverCertificateCodes DEFAULTS = from(load());

  private final Properties table;

  private DriverCertificateCodes(Properties table) {
    this.table = table;
  }

  /**
   * A licence class as sent in {@code HANGBANGLAI}: {@code portalClass} (a 2025 class), its health-standard
   * {@code group}, and, for a 2008 class, which one it was ({@code exchangedFrom}) and the limit of the exchange.
   */
  public record LicenceClass(String portalClass, int group, Optional<String> exchangedFrom, Optional<String> restriction) {}

  /** The table shipped with the gateway. */
  public static DriverCertificateCodes defaults() {
    return DEFAULTS;
  }

  /** A table from properties (tests, or another file); a gap is an {@link IllegalArgumentException}. */
  public static DriverCertificateCodes from(Properties table) {
    DriverCertificateCodes codes = new DriverCertificateCodes(table);
    for (String key : table.stringPropertyNames()) {
      if (key.startsWith("class.")) {
        int group = codes.group(key.substring("class.".length()));
        CONCLUSIONS.forEach(conclusion -> codes.required("conclusion.group" + group + "." + conclusion));
      } else if (key.startsWith("law2008.") && !key.endsWith(".restriction")) {
        codes.required("class." + table.getProperty(key).trim());
      }
    }
    return codes;
  }

  /**
   * Reads {@code value} as a class of {@code system} ({@code LAW_2024} when blank). Under the 2024 law, a name only
   * the 2008 law knows ({@code B2}, {@code E}, {@code FC}…) is still read as the 2008 class; under the 2008 law every
   * name is. {@code GW-LICENCE-CLASS} for anything else, {@code A4} included (no driving licence class since 2025).
   */
  public LicenceClass licenceClass(String value, String system) {
    String name = value.trim().toUpperCase(Locale.ROOT);
    String law = system == null || system.isBlank() ? LAW_2024 : system.trim().toUpperCase(Locale.ROOT);
    boolean current = table.containsKey("class." + name);
    String exchanged = table.getProperty("law2008." + name);
    if (law.equals(LAW_2024) && current) {
      return new LicenceClass(name, group(name), Optional.empty(), Optional.empty());
    }
    if (!law.equals(LAW_2024) && !law.equals(LAW_2008)) {
      throw new GatewayException(ErrorCode.LICENCE_CLASS, "licenceClassSystem");
    }
    if (exchanged == null) {
      throw new GatewayException(ErrorCode.LICENCE_CLASS, "licenceClass");
    }
    String target = exchanged.trim();
    return new LicenceClass(target, group(target), Optional.of(name), Optional.ofNullable(table.getProperty("law2008." + name + ".restriction")).map(String::trim));
  }

  /** The {@code KETLUAN} code of {@code conclusion} for a class of {@code group}; {@code GW-CONCLUSION} if there is none. */
  public String conclusion(int group, String conclusion) {
    String code = conclusion == null || conclusion.isBlank() ? null
        : table.getProperty("conclusion.group" + group + "." + conclusion.trim().toUpperCase(Locale.ROOT));
    if (code == null) {
      throw new GatewayException(ErrorCode.CONCLUSION, "conclusion.code");
    }
    return code.trim();
  }

  private int group(String licenceClass) {
    String group = required("class." + licenceClass).trim();
    if (!group.matches("[1-3]")) {
      throw new IllegalArgumentException("class." + licenceClass + " names no health-standard group (1, 2 or 3): " + group);
    }
    return Integer.parseInt(group);
  }

  private String required(String key) {
    String value = table.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("driver certificate codes: " + key + " is missing");
    }
    return value;
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = DriverCertificateCodes.class.getResourceAsStream(RESOURCE)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
