package vn.healthgate.routes.eligibility;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table from the portal's lookup result codes ({@code maKetQua}) to the gateway's answer.
 * {@code docs/api.md} prints the same table; {@code PortalResultCodeTest} keeps them together.
 */
public enum PortalResultCode {
  C000("000", Outcome.ELIGIBLE, ResultCategory.CARD, "The card is valid.", "Thẻ còn giá trị sử dụng."),
  C001("001", Outcome.MANUAL_CHECK, ResultCategory.CARD, "Card managed by the Ministry of Defence's social security: check the card and ID papers.", "Thẻ do BHXH Bộ Quốc phòng quản lý: kiểm tra thẻ và giấy tờ tùy thân."),
  C002("002", Outcome.MANUAL_CHECK, ResultCategory.CARD, "Card managed by the Ministry of Public Security's social security: check the card and ID papers.", "Thẻ do BHXH Bộ Công an quản lý: kiểm tra thẻ và giấy tờ tùy thân."),
  C003("003", Outcome.ELIGIBLE, ResultCategory.CARD, "The old card has expired; use the new card (see newCard).", "Thẻ cũ hết hạn; dùng thẻ mới (xem newCard)."),
  C004("004", Outcome.ELIGIBLE, ResultCategory.CARD, "The card is valid; a new card has also been issued (see newCard).", "Thẻ còn giá trị; đã được cấp thẻ mới (xem newCard)."),
  C010("010", Outcome.NOT_ELIGIBLE, ResultCategory.CARD, "The card has expired.", "Thẻ hết giá trị sử dụng."),
  C050("050", Outcome.NOT_ELIGIBLE, ResultCategory.CARD, "No insurance card was found for this person.", "Không tìm thấy thông tin thẻ BHYT."),
  C051("051", Outcome.NOT_ELIGIBLE, ResultCategory.INPUT, "The card number is wrong: check it against the card.", "Mã thẻ không đúng: đối chiếu lại với thẻ."),
  C052("052", Outcome.NOT_ELIGIBLE, ResultCategory.INPUT, "The province code in the card number (characters 4-5) is wrong.", "Mã tỉnh trong mã thẻ (ký tự 4-5) không đúng."),
  C053("053", Outcome.NOT_ELIGIBLE, ResultCategory.INPUT, "The benefit code in the card number (character 3) is wrong.", "Mã quyền lợi trong mã thẻ (ký tự 3) không đúng."),
  C054("054", Outcome.NOT_ELIGIBLE, ResultCategory.CONFIGURATION, "The reception officer's CCCD is not registered for this facility at the portal.", "CCCD của cán bộ tra cứu chưa được đăng ký cho cơ sở tại Cổng giám định."),
  C055("055", Outcome.NOT_ELIGIBLE, ResultCategory.CONFIGURATION, "The reception officer's name does not match the registered CCCD.", "Họ tên cán bộ tra cứu không khớp với CCCD đã đăng ký."),
  C060("060", Outcome.NOT_ELIGIBLE, ResultCategory.INPUT, "The full name does not match the card: check the spelling.", "Họ tên không khớp với thẻ: kiểm tra lại chính tả."),
  C061("061", Outcome.NOT_ELIGIBLE, ResultCategory.INPUT, "The full name does not match the card (first letter right): check the spelling.", "Họ tên không khớp với thẻ (đúng ký tự đầu): kiểm tra lại chính tả."),
  C070("070", Outcome.NOT_ELIGIBLE, ResultCategory.INPUT, "The date of birth does not match the card.", "Ngày sinh không khớp với thẻ."),
  C100("100", Outcome.RETRY_LATER, ResultCategory.PORTAL, "The portal could not read the card data. Try again shortly.", "Cổng không đọc được dữ liệu thẻ. Vui lòng thử lại sau."),
  C101("101", Outcome.RETRY_LATER, ResultCategory.PORTAL, "The portal had a server error. Try again shortly.", "Cổng gặp lỗi máy chủ. Vui lòng thử lại sau."),
  C110("110", Outcome.NOT_ELIGIBLE, ResultCategory.CARD, "The card has been withdrawn.", "Thẻ đã bị thu hồi."),
  C120("120", Outcome.NOT_ELIGIBLE, ResultCategory.CARD, "The card has been reported reduced.", "Thẻ đã báo giảm."),
  C121("121", Outcome.NOT_ELIGIBLE, ResultCategory.CARD, "The card was reduced: the holder moved to another province.", "Thẻ đã báo giảm do chuyển ngoại tỉnh."),
  C122("122", Outcome.NOT_ELIGIBLE, ResultCategory.CARD, "The card was reduced: the holder moved within the province.", "Thẻ đã báo giảm do chuyển nội tỉnh."),
  C123("123", Outcome.NOT_ELIGIBLE, ResultCategory.CARD, "The card was reduced: re-registered at the same unit.", "Thẻ đã báo giảm do tăng lại cùng đơn vị."),
  C124("124", Outcome.NOT_ELIGIBLE, ResultCategory.CARD, "The card was reduced: the holder stopped participating.", "Thẻ đã báo giảm do ngừng tham gia."),
  C130("130", Outcome.ELIGIBLE, ResultCategory.CARD, "Child presented without a card: insured care under the birth-certificate rules.", "Trẻ em không xuất trình thẻ: hưởng BHYT theo giấy chứng sinh/khai sinh."),
  C205("205", Outcome.NOT_ELIGIBLE, ResultCategory.INPUT, "The portal found a parameter in the wrong format.", "Cổng báo sai định dạng tham số."),
  C401("401", Outcome.NOT_ELIGIBLE, ResultCategory.CONFIGURATION, "The portal refused the facility's authentication: check the facility's portal account.", "Cổng từ chối xác thực: kiểm tra tài khoản cổng của cơ sở.");

  private static final Map<String, PortalResultCode> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(PortalResultCode::code, Function.identity()));

  private final String code;
  private final Outcome outcome;
  private final ResultCategory category;
  private final String english;
  private final String vietnamese;

  PortalResultCode(String code, Outcome outcome, ResultCategory category, String english, String vietnamese) {
    this.code = code;
    this.outcome = outcome;
    this.category = category;
    this.english = english;
    this.vietnamese = vietnamese;
  }

  public static Optional<PortalResultCode> of(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code.trim()));
  }

  public String code() {
    return code;
  }

  public Outcome outcome() {
    return outcome;
  }

  public boolean eligible() {
    return outcome == Outcome.ELIGIBLE;
  }

  public ResultCategory category() {
    return category;
  }

  public String english() {
    return english;
  }

  public String vietnamese() {
    return vietnamese;
  }
}
