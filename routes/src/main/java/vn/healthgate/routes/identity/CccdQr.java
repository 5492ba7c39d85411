package vn.healthgate.routes.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;
import vn.healthgate.routes.error.ErrorCode;
import vn.healthgate.routes.error.GatewayException;
import vn.healthgate.routes.text.CleanText;

/**
 * The text of a chip CCCD's QR code:
 * {@code <CCCD>|<old ID>|<full name>|<ddMMyyyy birth>|<Nam/Nữ>|<address>|<ddMMyyyy issued>}.
 *
 * <p>Keyboard-wedge scanners under a Vietnamese input method mangle the separator and the letter Đ.
 * Accepted where unambiguous: a text without {@code |} whose only separator-like character is one of
 * {@code ¦ ｜ \} and which then splits into exactly seven fields; Telex {@code DD}/{@code dd} and
 * VNI {@code D9}/{@code d9} for {@code Đ}/{@code đ} (no Vietnamese word contains those pairs); invisible format
 * characters such as a byte-order mark anywhere in the text. The issue date is neither before the birth date nor in
 * the future.
 */
public record CccdQr(Cccd cccd, String oldId, String fullName, BirthDate birthDate, Sex sex, String address, LocalDate issuedOn) {

  private static final DateTimeFormatter DDMMYYYY = DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final List<String> ALTERNATIVE_SEPARATORS = List.of("¦", "｜", "\\");
  private static final String FIELD = "qr";
  /** A byte-order mark or other invisible format character a scanner put in front of or into the text. */
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");

  public static CccdQr parse(String text, LocalDate today) {
    String[] fields = split(text == null ? "" : INVISIBLE.matcher(text).replaceAll("").strip());
    if (fields.length != 7) {
      throw new GatewayException(ErrorCode.QR_FIELDS, FIELD);
    }
    Cccd cccd = Cccd.parse(fields[0], FIELD);
    String oldId = fields[1].trim();
    if (!oldId.isEmpty() && !oldId.matches("\\d{9}")) {
      throw new GatewayException(ErrorCode.QR_FORMAT, FIELD);
    }
    String name = PersonName.parse(unmangleD(fields[2]), FIELD);
    LocalDate birth = date(fields[3]);
    if (birth.isAfter(today)) {
      throw new GatewayException(ErrorCode.BIRTHDATE_FUTURE, FIELD);
    }
    Sex sex = Sex.fromVietnameseWord(fields[4]);
    if (sex == Sex.UNDETERMINED) {
      throw new GatewayException(ErrorCode.QR_FORMAT, FIELD);
    }
    LocalDate issued = fields[6].isBlank() ? null : date(fields[6]);
    if (issued != null && (issued.isBefore(birth) || issued.isAfter(today))) {
      throw new GatewayException(ErrorCode.QR_ISSUE_DATE, FIELD);
    }
    return new CccdQr(cccd, oldId, name, new BirthDate(birth, false), sex, CleanText.of(unmangleD(fields[5])), issued);
  }

  private static String[] split(String text) {
    if (text.contains("|")) {
      return text.split("\\|", -1);
    }
    for (String separator : ALTERNATIVE_SEPARATORS) {
      String[] parts = text.split(Pattern.quote(separator), -1);
      if (parts.length == 7) {
        return parts;
      }
    }
    return new String[] {text};
  }

  static String unmangleD(String text) {
    return text.replace("DD", "Đ").replace("Dd", "Đ").replace("dd", "đ").replace("D9", "Đ").replace("d9", "đ");
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim(), DDMMYYYY);
    } catch (DateTimeException e) {
      throw new GatewayException(ErrorCode.QR_FORMAT, FIELD);
    }
  }

  @Override
  public String toString() {
    return "CccdQr[" + cccd.masked() + "]";
  }
}
