package vn.healthgate.routes.identity;

import java.util.regex.Pattern;

/**
 * A health-insurance card code, {@code AA N PP SSSSSSSSSS}: group letters, benefit level 1–5, the issuing office's
 * province code, the 10-digit social-insurance number ({@code docs/portal-contract.md}). The province code is one of
 * the provinces' ({@link ProvinceCodes}) or a ministry's: 97 for the Ministry of Defence's social security, 98 for the
 * Ministry of Public Security's (the portal answers 001 / 002 for those cards).
 */
public final class CardCode {
  public static final String DEFENCE_PROVINCE = "97";
  public static final String PUBLIC_SECURITY_PROVINCE = "98";
  private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[1-5]\\d{12}");

  private CardCode() {}

  public static boolean isValid(String code) {
    if (code == null || !SHAPE.matcher(code).matches()) {
      return false;
    }
    String province = code.substring(3, 5);
    return province.equals(DEFENCE_PROVINCE) || province.equals(PUBLIC_SECURITY_PROVINCE) || ProvinceCodes.isKnownAdministrative(province);
  }
}
